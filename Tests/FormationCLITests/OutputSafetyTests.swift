import Foundation
import Testing

extension CLI {
    func run(redirecting redirections: String, _ arguments: String...) throws -> Result {
        try run(redirecting: redirections, arguments: arguments)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

/// The first 16 bytes of a file (SQLite's header is "SQLite format 3\0").
private func header(_ path: String) -> [UInt8] {
    guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
    defer { try? handle.close() }
    return Array((try? handle.read(upToCount: 16)) ?? Data())
}

private let sqliteHeader = Array("SQLite format 3\0".utf8)

private func lines(_ text: String) -> [Substring] { text.split(separator: "\n") }

/// Issue 15, items 1 and 2: `-o` never replaces the database, a device, a FIFO or a link by a
/// plain file, never replaces a read-only file, and writes long names.
@Suite struct OutputTargetTests {
    /// Every command that takes `-o`, with arguments that succeed on `TwoBattles`.
    static func outputCommands(_ s: TwoBattles) -> [[String]] {
        [["history", "María Pérez", "--format", "html"],
         ["battle", "report", "Batalla de Amuay", "--format", "json"],
         ["battle", "export", "Batalla de Amuay", "--as", "record"],
         ["battle", "export", "Batalla de Amuay", "--as", "ical"],
         ["battle", "export", "Batalla de Amuay", "--as", "schedule"],
         ["curriculum", "export", "freehand-drawing"],
         ["workshop", "lineage", TwoBattles.workshop, "--format", "dot"],
         ["session", "sheet", s.taught]]
    }

    @Test func theDatabaseAndItsCompanionsAreRefusedByEveryOutput() throws {
        let s = try TwoBattles()
        let before = try s.sqlite("SELECT count(*) FROM person")
        for command in Self.outputCommands(s) {
            for target in [s.cli.database, s.cli.database + "-wal", s.cli.database + "-shm"] {
                let result = try s.cli.run(arguments: command + ["-o", target])
                #expect(result.code == 73, "\(command) -o \(target): \(result.stderr)")
                #expect(lines(result.stderr).count == 1, "\(result.stderr)")
                #expect(result.stderr.contains("database"))
            }
        }
        #expect(header(s.cli.database) == sqliteHeader)
        #expect(try s.sqlite("SELECT count(*) FROM person") == before)
        #expect(try s.cli.run("person", "list").code == 0)
    }

    @Test func backupNeverReplacesTheDatabaseOrItsLog() throws {
        let s = try TwoBattles()
        // A change still in the log, not yet in the database file.
        #expect(try s.cli.run("person", "add", "Solo en el log").code == 0)
        for target in [s.cli.database, s.cli.database + "-wal", s.cli.database + "-shm"] {
            let result = try s.cli.run("backup", target, "--force")
            #expect(result.code == 73, "\(target): \(result.stderr)")
            #expect(lines(result.stderr).count == 1)
        }
        #expect(try s.cli.run("person", "list").stdout.contains("Solo en el log"))
    }

    @Test func anySQLiteFileIsRefusedEvenThroughALink() throws {
        let s = try TwoBattles()
        let copy = s.cli.path("copia.sqlite")
        #expect(try s.cli.run("backup", copy).code == 0)
        let size = try FileManager.default.attributesOfItem(atPath: copy)[.size] as? Int
        try FileManager.default.createSymbolicLink(atPath: s.cli.path("link.sqlite"), withDestinationPath: s.cli.database)
        for target in [copy, s.cli.path("link.sqlite")] {
            let result = try s.cli.run("history", "María Pérez", "-o", target)
            #expect(result.code == 73, "\(result.stderr)")
            #expect(lines(result.stderr).count == 1)
        }
        #expect(header(copy) == sqliteHeader)
        #expect(try FileManager.default.attributesOfItem(atPath: copy)[.size] as? Int == size)
        #expect(header(s.cli.database) == sqliteHeader)
    }

    @Test func aLinkIsFollowedAndItsTargetReplacedWhole() throws {
        let s = try TwoBattles()
        let usb = s.cli.path("usb")
        try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        try "old\n".write(toFile: usb + "/target.ics", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: s.cli.path("link.ics"), withDestinationPath: "usb/target.ics")
        try FileManager.default.createSymbolicLink(atPath: s.cli.path("new.ics"), withDestinationPath: "usb/new.ics")
        for link in ["link.ics", "new.ics"] {
            let result = try s.cli.run("battle", "export", "Batalla de Amuay", "--as", "ical", "-o", s.cli.path(link))
            #expect(result.code == 0, "\(result.stderr)")
            let type = try FileManager.default.attributesOfItem(atPath: s.cli.path(link))[.type] as? FileAttributeType
            #expect(type == .typeSymbolicLink, "\(link) was replaced by a plain file")
        }
        #expect(try String(contentsOfFile: usb + "/target.ics", encoding: .utf8).hasPrefix("BEGIN:VCALENDAR"))
        #expect(try String(contentsOfFile: usb + "/new.ics", encoding: .utf8).hasPrefix("BEGIN:VCALENDAR"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: usb).sorted() == ["new.ics", "target.ics"])
    }

    @Test func aFIFOIsWrittenThroughNotReplaced() throws {
        let s = try TwoBattles()
        let fifo = s.cli.path("fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = Collected<Data>()
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: fifo) { received.append(handle.readDataToEndOfFile()) }
        }
        reader.start()
        let result = try s.cli.run("workshop", "lineage", TwoBattles.workshop, "--format", "dot", "-o", fifo)
        #expect(result.code == 0, "\(result.stderr)")
        for _ in 0 ..< 100 where received.all.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        #expect(String(decoding: received.all.first ?? Data(), as: UTF8.self).hasPrefix("digraph lineage {"))
        var status = stat()
        #expect(stat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }

    /// `-o /dev/stdout` is a link to /proc/self/fd/1, itself a link to a pipe here: written through
    /// (a link of our own to /proc/self/fd/1, so that a regression cannot replace /dev/stdout).
    @Test func aLinkToStandardOutputWritesThrough() throws {
        let s = try TwoBattles()
        let link = s.cli.path("stdout-link")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/fd/1")
        let result = try s.cli.run("history", "María Pérez", "-o", link)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Learning history of María Pérez"))
        let type = try FileManager.default.attributesOfItem(atPath: link)[.type] as? FileAttributeType
        #expect(type == .typeSymbolicLink)
    }

    @Test func aReadOnlyFileAFolderAndATrailingSlashAreRefused() throws {
        let s = try TwoBattles()
        let readOnly = s.cli.path("kept.html")
        try "keep me\n".write(toFile: readOnly, atomically: false, encoding: .utf8)
        #expect(chmod(readOnly, 0o444) == 0)
        try FileManager.default.createDirectory(atPath: s.cli.path("folder"), withIntermediateDirectories: true)
        for target in [readOnly, s.cli.path("folder"), s.cli.directory.path + "/newdir/", s.cli.directory.path + "/folder/"] {
            let result = try s.cli.run("history", "María Pérez", "--format", "html", "-o", target)
            #expect(result.code == 73, "\(target): \(result.stderr)")
            #expect(lines(result.stderr).count == 1, "\(result.stderr)")
        }
        #expect(try String(contentsOfFile: readOnly, encoding: .utf8) == "keep me\n")
        #expect(!FileManager.default.fileExists(atPath: s.cli.path("newdir")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.cli.path("folder")).isEmpty)
    }

    @Test func longNamesWorkAndAReplacedFileKeepsItsMode() throws {
        let s = try TwoBattles()
        let long = s.cli.path(String(repeating: "a", count: 246) + ".xml")
        let result = try s.cli.run("curriculum", "export", "freehand-drawing", "-o", long)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: long, encoding: .utf8).hasPrefix("<?xml"))
        let kept = s.cli.path("report.json")
        try "{}\n".write(toFile: kept, atomically: false, encoding: .utf8)
        #expect(chmod(kept, 0o640) == 0)
        #expect(try s.cli.run("battle", "report", "Batalla de Amuay", "--format", "json", "-o", kept).code == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: kept)[.posixPermissions] as? Int == 0o640)
        #expect(try String(contentsOfFile: kept, encoding: .utf8).count > 10)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: s.cli.directory.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}

/// Issue 15, item 4: a full or closed stdout or stderr is exit 74 and one line, never a crash.
@Suite struct StandardStreamTests {
    @Test func aFullStdoutAfterACommitIsExit74NotACrash() throws {
        let cli = try CLI()
        let result = try cli.run(redirecting: ">/dev/full", "person", "add", "Pedro")
        #expect(result.code == 74, "\(result.stderr)")
        // What was done, then the one error line.
        #expect(lines(result.stderr).count == 2, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("formation: added person Pedro\nformation: error: "))
        // The person was committed before the write failed: once.
        let list = try cli.run("person", "list", "--format", "json")
        #expect(list.stdout.components(separatedBy: "Pedro").count == 2)
    }

    @Test(arguments: [">/dev/full", ">&-"])
    func everyStdoutWriterFailsCleanly(_ redirection: String) throws {
        let s = try TwoBattles()
        let commands: [[String]] = [
            ["person", "list"], ["person", "list", "--format", "json"], ["history", "María Pérez"],
            ["battle", "export", "Batalla de Amuay", "--as", "record"], ["battle", "export", "Batalla de Amuay", "--as", "ical"],
            ["curriculum", "export", "freehand-drawing"], ["workshop", "lineage", TwoBattles.workshop, "--format", "json"],
            ["curriculum", "list"], ["check"],
        ]
        for command in commands {
            let result = try s.cli.run(redirecting: redirection, arguments: command)
            #expect(result.code == 74, "\(command) \(redirection): \(result.code) \(result.stderr)")
            #expect(lines(result.stderr).count == 1, "\(command): \(result.stderr)")
        }
    }

    @Test func helpAndVersionOnAFullStdoutAreExit74() throws {
        let cli = try CLI()
        for arguments in [["--help"], ["person", "add", "--help"], ["--version"]] {
            let full = try cli.run(redirecting: ">/dev/full", arguments: arguments)
            #expect(full.code == 74, "\(arguments): \(full.code)")
            #expect(lines(full.stderr).count == 1, "\(full.stderr)")
            let shown = try cli.run(arguments: arguments, useDatabaseFlag: false)
            #expect(shown.code == 0 && !shown.stdout.isEmpty && shown.stderr.isEmpty)
        }
    }

    @Test(arguments: ["2>/dev/full", "2>&-"])
    func aFullStderrIsExit74(_ redirection: String) throws {
        let s = try TwoBattles()
        // `backup` reports on stderr; an unknown person is an error on stderr.
        let backup = try s.cli.run(redirecting: redirection, arguments: ["backup", s.cli.path("copy.sqlite")])
        #expect(backup.code == 74, "\(backup.code)")
        #expect(header(s.cli.path("copy.sqlite")) == sqliteHeader)
        let missing = try s.cli.run(redirecting: redirection, arguments: ["history", "Nadie"])
        #expect(missing.code == 65)
    }
}

extension CLI {
    /// Runs the binary through `sh`, with `redirections` (`>/dev/full`, `>&-`, `2>/dev/full`)
    /// applied to it; stdout and stderr that are not redirected are captured.
    func run(redirecting redirections: String, arguments: [String]) throws -> Result {
        let script = "exec \"$0\" \"$@\" " + redirections
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, CLI.binary.path] + Self.insertDatabase(arguments, database)
        // Without a faked clock (`faketime … swift test`): libfaketime opens files of its own as the
        // process starts, which would take the very descriptors these tests close.
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8", "FORMATION_LANG": language]
            .merging(CLI.inheritedEnvironment.filter { $0.key != "LD_PRELOAD" && !$0.key.hasPrefix("FAKETIME") }) { own, _ in own }
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitForExit()
        return Result(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                      code: process.terminationStatus)
    }
}
