import Foundation
import Testing

/// Issue 15, items 8 and 11: what a file is comes from its real root element, whatever comments come
/// first and whether or not it can be read twice; standard input is streamed, never read whole.
@Suite struct InputKindTests {
    func recordAndDatabase() throws -> (record: String, target: CLI) {
        let source = try BattleRecordTests().plannedWithAttendance()
        let record = try BattleRecordTests().exportRecord(source)
        let target = try CLI()
        try #require(try target.run(arguments: ["import"] + CurriculumCommandTests.packs).code == 0)
        return (record, target)
    }

    @Test func aPackWhoseLeadingCommentMentionsABattleRecordIsAPack() throws {
        let cli = try CLI()
        let shipped = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent("Curricula/plant-maintenance.xml"), encoding: .utf8)
        let declaration = shipped.prefix { $0 != "\n" }
        let text = declaration + "\n<!-- 1 > 0; records look like <battleRecord xmlns=\"urn:selfformation:battle:1\"> -->\n"
            + "<?note <battleRecord> ?>\n" + shipped.dropFirst(declaration.count + 1)
        let path = cli.directory.appendingPathComponent("pack.xml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let others = CurriculumCommandTests.packs.filter { !$0.hasSuffix("plant-maintenance.xml") }
        let result = try cli.run(arguments: ["validate"] + others + [path])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stderr.contains("plant-maintenance version 1 checked, 9 workshops"))
    }

    @Test func devStdinAndProcessSubstitutionAreRecognised() throws {
        let (record, target) = try recordAndDatabase()
        let piped = try target.run("validate", "/dev/stdin", stdin: try Data(contentsOf: URL(fileURLWithPath: record)))
        #expect(piped.code == 0, "\(piped.stderr)")
        #expect(piped.stderr.contains("battle record of 'Batalla de La Gaviota' checked, 3 sessions"))

        let bash = try ChildProcess.run("/bin/bash", arguments: ["-c", "\"$0\" import <(cat \"$1\") --database \"$2\"", CLI.binary.path, record, target.database],
                                        environment: ["PATH": "/usr/bin:/bin", "FORMATION_LANG": "en", "HOME": target.directory.path])
        let messages = String(decoding: bash.stderr, as: UTF8.self)
        #expect(bash.status == 0, "\(messages)")
        #expect(messages.contains("battle record of 'Batalla de La Gaviota': 3 sessions added"), "\(messages)")
    }

    /// `yes '<a>' | formation import -` grew to gigabytes: now it stops at the first error with the
    /// memory of a file's import.
    @Test func standardInputIsStreamedNotReadWhole() throws {
        let cli = try CLI()
        signal(SIGPIPE, SIG_IGN)  // the import stops reading long before the feeder is done
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "maxrss=%M", CLI.binary.path, "import", "-", "--database", cli.database]
        process.environment = ["PATH": "/usr/bin:/bin", "FORMATION_LANG": "en", "HOME": cli.directory.path]
        let input = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // 256 MB of "<a>\n", or until the import closes its end.
        let feeder = Thread {
            let chunk = [UInt8](String(repeating: "<a>\n", count: 16_384).utf8)
            let fd = input.fileHandleForWriting.fileDescriptor
            var written = 0
            while written < 256 << 20 {
                let n = chunk.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
                if n <= 0 { break }
                written += n
            }
            try? input.fileHandleForWriting.close()
        }
        feeder.start()
        let messages = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitForExit()
        #expect(process.terminationStatus == 65, "\(messages)")
        #expect(messages.contains("<stdin>:1:1: error: not a SelfFormation file: the root element is a"), "\(messages)")
        let rss = messages.split(separator: "\n").last { $0.hasPrefix("maxrss=") }.flatMap { Int($0.dropFirst("maxrss=".count)) }
        let kilobytes = try #require(rss, "\(messages)")
        #expect(kilobytes < 128 * 1024, "\(kilobytes) KB: standard input was read into memory")
    }
}
