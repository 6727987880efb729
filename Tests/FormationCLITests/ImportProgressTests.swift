import Foundation
import Testing

/// Long imports (issue 22): progress on a terminal only, one summary line for many files, and
/// Ctrl-C rolls everything back and says so.
@Suite struct ImportProgressTests {
    /// A pack big enough that a debug build takes a few seconds to import it (~10 MB).
    static func bigPack(in cli: CLI, id: String = "big", workshops: Int = 8_000) throws -> String {
        let url = cli.directory.appendingPathComponent("\(id).xml")
        try PackGenerator.write(id: id, workshops: workshops, to: url)
        return url.path
    }

    @Test func ctrlCDuringAnImportWritesNothingAndSaysSo() throws {
        let cli = try CLI()
        let pack = try Self.bigPack(in: cli)
        try #require(try cli.run("plant", "add", "La Gaviota", "--state", "Sucre").code == 0)   // the database exists, migrated
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["import", pack, "--database", cli.database]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": cli.directory.path, "LANG": "C.UTF-8", "FORMATION_LANG": "en"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 0.8)
        try #require(process.isRunning, "the import ended before Ctrl-C: make the pack bigger")
        kill(process.processIdentifier, SIGINT)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitForExit()
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr == "formation: interrupted: nothing was written\n")
        #expect(try cli.run("curriculum", "list").stdout.contains("(none yet)"))
        #expect(try cli.run("check").code == 0)
    }

    @Test func manyFilesEndWithOneSummaryLineAndNoProgressWhenNotATerminal() throws {
        let cli = try CLI()
        let packs = try (0..<3).map { try Self.bigPack(in: cli, id: "pack\($0)", workshops: 20) }
        let quiet = try cli.run(arguments: ["import"] + packs)
        #expect(quiet.code == 0, "\(quiet.stderr)")
        let lines = quiet.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(quiet.stderr)")
        #expect(lines.first?.hasPrefix("formation: 3 files imported: 3 curricula, 0 battle records") == true, "\(quiet.stderr)")
        #expect(!quiet.stderr.contains("\r") && !quiet.stderr.contains("importing:"))

        let again = try cli.run(arguments: ["import", "--verbose"] + packs)
        #expect(again.stderr.split(separator: "\n").count == 3, "\(again.stderr)")
        #expect(again.stderr.contains("pack1 version 1 is already here; nothing changed"), "\(again.stderr)")
    }

    /// On a terminal (a pty from util-linux `script`), the progress line is redrawn in place.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func aTerminalSeesOneProgressLineRedrawnInPlace() throws {
        let cli = try CLI()
        let pack = try Self.bigPack(in: cli, workshops: 4_000)
        let command = "\(CLI.binary.path) import \(pack) --database \(cli.database)"
        let script = try ChildProcess.run("/usr/bin/script", arguments: ["-qec", command, "/dev/null"],
                                          environment: ["PATH": "/usr/bin:/bin", "HOME": cli.directory.path, "LANG": "C.UTF-8", "FORMATION_LANG": "en", "TERM": "dumb"])
        let text = String(decoding: script.stdout, as: UTF8.self)
        #expect(script.status == 0, "\(text)")
        #expect(text.contains("\r\u{1B}[Kimporting: 0/1 files, "), "\(text)")
        #expect(text.contains(" MB/s"))
        #expect(text.contains("big: version 1 added (4000 workshops)"))
    }
}
