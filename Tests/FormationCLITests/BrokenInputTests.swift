import Foundation
import Testing

/// Hostile and broken input everywhere a user can give some (issue 9), through the built binary:
/// each is refused with one line (or `FILE:LINE:COLUMN: error:` lines) and its documented exit
/// code, never a crash, a hang or a partial write.
@Suite struct BrokenInputTests {
    static let attacks = CLI.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/xml-attacks")

    /// Every file of the shared attack corpus, helpers and benign controls included: none is a
    /// curriculum pack.
    static func attackFiles() throws -> [String] {
        let root = attacks.path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }
            .filter { !["README.md", "manifest.tsv"].contains($0) }
            .map { root + "/" + $0 }
            .filter { path in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            }
            .sorted()
    }

    func crashed(_ result: CLI.Result) -> Bool {
        ["Fatal error", "Program crashed", "Stack dump", "Segmentation fault", "Illegal instruction"].contains { result.stderr.contains($0) }
    }

    func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }

    /// `FILE:LINE:COLUMN: error: …`
    func isPositionedError(_ line: String, file: String) -> Bool {
        guard line.hasPrefix(file + ":") else { return false }
        let rest = line.dropFirst(file.count + 1).split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        return rest.count == 3 && Int(rest[0]) != nil && Int(rest[1]) != nil && rest[2].hasPrefix(" error: ")
    }

    @Test func everyAttackFileIsRefusedAndChangesNothing() throws {
        let files = try Self.attackFiles()
        #expect(files.count >= 80, "the shared corpus is missing: \(Self.attacks.path)")
        let cli = try CLI()
        try cli.prepareBattle()
        let before = try SQLiteShell.dump(cli.database)
        let workshops = try SQLiteShell.count(cli.database, "workshop")
        for file in files {
            let started = Date()
            let result = try cli.run("import", file)
            let took = Date().timeIntervalSince(started)
            #expect(result.code == 65, "\(file): exit \(result.code) \(result.stderr)")
            #expect(isPositionedError(firstLine(result.stderr), file: file), "\(file): \(firstLine(result.stderr))")
            #expect(!crashed(result), "\(file)")
            #expect(took < 2, "\(file) took \(took) s")
            #expect(try SQLiteShell.count(cli.database, "workshop") == workshops, "\(file)")
            #expect(try SQLiteShell.dump(cli.database) == before, "\(file) changed the database")
        }
    }

    /// A database with programme data but no curriculum; each case imports the mutated pack with
    /// the two others it needs (the shipped packs require each other) into a fresh copy.
    @Test func truncatedAndBitFlippedPacksAreImportedOrRefusedNeverACrash() throws {
        let pristine = try CLI()
        try pristine.expectSuccess(pristine.run("plant", "add", "La Gaviota", "--state", "Sucre"))
        try pristine.expectSuccess(pristine.run("person", "add", "María Pérez"))
        let before = try SQLiteShell.dump(pristine.database)
        let packs = CLI.shippedPacks
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: packs[1])))
        var random = SeededRandom(seed: 9)
        var cases: [(String, [UInt8])] = (0..<10).map { _ in
            let length = Int.random(in: 0..<original.count, using: &random)
            return ("truncated at \(length)", Array(original[..<length]))
        }
        for _ in 0..<20 {
            let offset = Int.random(in: 0..<original.count, using: &random)
            let bit = UInt8(1) << UInt8.random(in: 0..<8, using: &random)
            var flipped = original
            flipped[offset] ^= bit
            cases.append(("bit \(bit) flipped at \(offset)", flipped))
        }
        var outcomes: [Int32: Int] = [:]
        for (name, bytes) in cases {
            let cli = try pristine.copy()
            let mutated = cli.directory.appendingPathComponent("organising-production.xml")
            try Data(bytes).write(to: mutated)
            let result = try cli.run("import", mutated.path, packs[0], packs[2])
            outcomes[result.code, default: 0] += 1
            #expect(result.code == 0 || result.code == 65, "\(name): exit \(result.code) \(result.stderr)")
            #expect(!crashed(result), "\(name): \(result.stderr)")
            if result.code == 65 {
                #expect(isPositionedError(firstLine(result.stderr), file: mutated.path) || firstLine(result.stderr).contains(": error: "),
                        "\(name): \(firstLine(result.stderr))")
                #expect(try SQLiteShell.dump(cli.database) == before, "\(name): refused, yet the database changed")
            } else {
                #expect(try SQLiteShell.count(cli.database, "curriculum") == 3, "\(name)")
            }
            #expect(try SQLiteShell.integrityCheck(cli.database) == "ok")
        }
        #expect(outcomes[65, default: 0] >= 10, "most truncations must be refused: \(outcomes)")
    }

    @Test func packsInOtherEncodingsAreRefused() throws {
        let cli = try CLI()
        let text = try String(contentsOfFile: CLI.shippedPacks[1], encoding: .utf8)
        let utf16 = cli.directory.appendingPathComponent("utf16.xml")
        try #require(text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"").data(using: .utf16)).write(to: utf16)
        let latin1 = cli.directory.appendingPathComponent("latin1.xml")
        let declared = text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\"")
        try Data(declared.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") }).write(to: latin1)
        for file in [utf16.path, latin1.path] {
            let result = try cli.run("import", file)
            #expect(result.code == 65, "\(file)")
            #expect(isPositionedError(firstLine(result.stderr), file: file), "\(firstLine(result.stderr))")
            #expect(try SQLiteShell.count(cli.database, "curriculum") == 0)
        }
    }

    /// A session with its facilitator and two registered people.
    func sessionWithPeople() throws -> (CLI, String) {
        let cli = try CLI()
        let battle = try cli.prepareBattle()
        for name in ["Ana", "María Pérez", "Rondón, José"] { try cli.expectSuccess(cli.run("person", "add", name)) }
        let session = try cli.add("session", "add", "--battle", battle, "--workshop", "freehand-drawing/proportion-by-eye",
                                  "--start", "2026-12-02 08:00", "--end", "2026-12-02 10:00", "--place", "Taller",
                                  "--facilitator", "Ana", "--force")
        try cli.expectSuccess(cli.run("attend", String(session.prefix(8)), "María Pérez", "Rondón, José"))
        return (cli, String(session.prefix(8)))
    }

    @Test func badSignInSheetsApplyNothing() throws {
        let (cli, session) = try sessionWithPeople()
        let before = try SQLiteShell.dump(cli.database)
        let sheets = [
            "unknown status": "nombre,estado\nMaría Pérez,asistió\n\"Rondón, José\",quizás\n",
            "unclosed quote": "María Pérez,presente\n\"Rondón, José,presente\n",
            "unknown names": "María Pérez,presente\nNadie Conocido,presente\nOtro Fantasma\n",
            "control characters": "María Pérez,presente\u{0}\n",
            // Not UTF-8: read as Windows-1252 ("María"), then refused as a name that matches nobody.
            "not UTF-8, unknown name": "Mar\u{ED}a",
        ]
        for (name, sheet) in sheets.sorted(by: { $0.key < $1.key }) {
            let file = cli.directory.appendingPathComponent("\(name).csv")
            let bytes = name.hasPrefix("not UTF-8") ? Data([0x4D, 0x61, 0x72, 0xED, 0x61, 0x0A]) : Data(sheet.utf8)
            try bytes.write(to: file)
            let result = try cli.run("attend", session, "--csv", file.path, "--status", "attended")
            #expect(result.code == 65, "\(name): exit \(result.code) \(result.stderr)")
            #expect(!result.stderr.isEmpty && !crashed(result), "\(name)")
            #expect(try SQLiteShell.dump(cli.database) == before, "\(name): something was applied")
        }
    }

    @Test func absurdDatesAndTimesAreRefusedWithOneLine() throws {
        let (cli, _) = try sessionWithPeople()
        let before = try SQLiteShell.dump(cli.database)
        func battle(_ start: String, _ end: String) -> [String] {
            ["battle", "add", "Otra batalla", "--plant", "La Gaviota", "--start", start, "--end", end]
        }
        func session(_ start: String, _ end: String) -> [String] {
            ["session", "add", "--battle", "Batalla de La Gaviota", "--workshop", "freehand-drawing/proportion-by-eye",
             "--start", start, "--end", end, "--place", "Patio", "--facilitator", "Ana", "--force"]
        }
        let cases: [[String]] = [
            battle("2026-02-30", "2026-03-02"), battle("9999-99-99", "9999-99-99"), battle("2026-01-01", "2036-01-01"),
            battle("2026-12-05", "2026-12-01"), battle("26-12-01", "26-12-05"), battle("2026-12-01T00:00", "2026-12-05"),
            battle("0000-01-01", "0000-01-02"), battle("2026-12-01", "2026-12-05") + ["--time-zone", "Mars/Olympus_Mons"],
            session("2026-12-01 25:00", "2026-12-01 26:00"), session("2026-12-02 12:00", "2026-12-02 10:00"),
            session("2026-12-02 10:00", "2026-12-02 10:00"), session("2026-02-30 10:00", "2026-02-30 11:00"),
            session("2026-12-02 10:60", "2026-12-02 11:00"), session("2026-12-02", "2026-12-03"),
            session("2026-11-20 10:00", "2026-11-20 12:00"), session("2026-12-01 10:00", "2036-12-01 10:00"),
            ["shift", "add", "--battle", "Batalla de La Gaviota", "--person", "Ana", "--start", "2026-12-02 12:00", "--end", "2026-12-02 08:00"],
            ["session", "list", "--battle", "Batalla de La Gaviota", "--day", "2026-13-01"],
        ]
        for arguments in cases {
            let result = try cli.run(arguments: arguments)
            #expect(result.code == 65, "\(arguments): exit \(result.code) \(result.stderr)")
            #expect(result.stderr.hasPrefix("formation: error: "), "\(arguments): \(result.stderr)")
            #expect(!crashed(result))
        }
        // The end before the start is said with the times typed, not as seconds since 1970.
        let reversed = try cli.run(arguments: session("2026-12-02 12:00", "2026-12-02 10:00"))
        #expect(reversed.stderr.contains("2026-12-02 10:00") && reversed.stderr.contains("2026-12-02 12:00"))
        #expect(try SQLiteShell.dump(cli.database) == before)
    }

    @Test func identifiersWithSpacesOrUnicodeTricksAreRefused() throws {
        let (cli, _) = try sessionWithPeople()
        let before = try SQLiteShell.dump(cli.database)
        let zeroWidth = "freehand-drawing/proportion\u{200B}-by-eye"
        let cases: [[String]] = [
            ["workshop", "show", zeroWidth],
            ["workshop", "show", "freehand drawing/proportion-by-eye"],
            ["workshop", "show", "freehand-drawing/proportion-by-eye/extra"],
            ["workshop", "show", "Freehand-Drawing/Proportion-By-Eye"],
            ["curriculum", "show", "freehand\u{00A0}drawing"],
            ["curriculum", "export", "../../etc/passwd"],
            ["session", "add", "--battle", "Batalla de La Gaviota", "--workshop", zeroWidth, "--start", "2026-12-03 08:00",
             "--end", "2026-12-03 10:00", "--place", "Patio", "--facilitator", "Ana", "--force"],
            ["person", "add", "Ana \u{202E}zeréP"],
            ["person", "add", "Ana\u{200B}"],
            ["person", "add", "  "],
            ["plant", "add", "La Gaviota\u{202E}", "--state", "Sucre"],
            ["plant", "add", "Amuay", "--state", "Falc\u{7}ón"],
            ["session", "add", "--battle", "Batalla de La Gaviota", "--workshop", "freehand-drawing/proportion-by-eye",
             "--start", "2026-12-03 08:00", "--end", "2026-12-03 10:00", "--place", "Patio\u{202E}", "--facilitator", "Ana", "--force"],
            ["person", "show", "Ana\u{200B}"],
            ["attend", "zzzz", "Ana"],
        ]
        for arguments in cases {
            let result = try cli.run(arguments: arguments)
            #expect(result.code == 65, "\(arguments): exit \(result.code) \(result.stderr)")
            #expect(result.stderr.hasPrefix("formation: error: ") && result.stderr.split(separator: "\n").count == 1,
                    "\(arguments): \(result.stderr)")
            #expect(!crashed(result))
        }
        #expect(try SQLiteShell.dump(cli.database) == before)
    }

    @Test func inputPathsThatCannotBeReadExit66() throws {
        let (cli, session) = try sessionWithPeople()
        let before = try SQLiteShell.dump(cli.database)
        let missing = cli.directory.appendingPathComponent("missing.xml").path
        let cases: [[String]] = [
            ["import", missing], ["import", cli.directory.path], ["validate", missing],
            ["import", CLI.shippedPacks[0], missing],
            ["attend", session, "--csv", missing], ["attend", session, "--csv", cli.directory.path],
            ["curriculum", "diff", missing, cli.directory.path],
        ]
        for arguments in cases {
            let result = try cli.run(arguments: arguments)
            #expect(result.code == 66, "\(arguments): exit \(result.code) \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
        }
        #expect(try SQLiteShell.dump(cli.database) == before)
    }

    @Test(.enabled(if: !runningAsRoot, "root reads files whatever their mode"))
    func unreadableFileExits66() throws {
        let cli = try CLI()
        let file = cli.directory.appendingPathComponent("locked.xml").path
        try FileManager.default.copyItem(atPath: CLI.shippedPacks[0], toPath: file)
        chmod(file, 0)
        defer { chmod(file, 0o644) }
        let result = try cli.run("import", file)
        #expect(result.code == 66)
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func unusableDatabasesGiveTheirCodeAndAreNotTouched() throws {
        let cli = try CLI()
        let folder = cli.directory.appendingPathComponent("a-folder").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let notSQLite = cli.directory.appendingPathComponent("notes.sqlite").path
        let text = String(repeating: "apuntes de la batalla\n", count: 100)
        try Data(text.utf8).write(to: URL(fileURLWithPath: notSQLite))
        for (database, code) in [(folder, Int32(74)), (notSQLite, 65)] {
            for arguments in [["plant", "list"], ["person", "add", "Ana"], ["import", CLI.shippedPacks[0]], ["check"], ["backup", "b.sqlite"]] {
                let result = try cli.run(arguments: arguments + ["--database", database], useDatabaseFlag: false)
                #expect(result.code == code, "\(database) \(arguments): exit \(result.code) \(result.stderr)")
                #expect(result.stderr.hasPrefix("formation: error: ") && result.stderr.split(separator: "\n").count == 1,
                        "\(database) \(arguments): \(result.stderr)")
            }
        }
        #expect(try String(contentsOfFile: notSQLite, encoding: .utf8) == text)
        #expect(!FileManager.default.fileExists(atPath: notSQLite + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("b.sqlite").path))
    }

    /// A database cut short (a copy interrupted, a full disk): `check` says so (65); other commands
    /// may still read what is left, but never crash.
    @Test func damagedDatabaseIsReportedNeverACrash() throws {
        let source = try CLI()
        try source.prepareBattle()
        try source.expectSuccess(source.run("person", "add", "Ana"))
        let whole = try Data(contentsOf: URL(fileURLWithPath: source.database))
        for fraction in [0.1, 0.3, 0.6, 0.9] {
            let cli = try CLI()
            try whole.prefix(Int(Double(whole.count) * fraction)).write(to: URL(fileURLWithPath: cli.database))
            let check = try cli.run("check")
            #expect(check.code == 65, "cut at \(fraction): exit \(check.code) \(check.stdout) \(check.stderr)")
            for arguments in [["plant", "list"], ["person", "add", "Ana"], ["workshop", "list"], ["battle", "list"]] {
                let result = try cli.run(arguments: arguments)
                #expect([0, 65, 74].contains(result.code), "cut at \(fraction) \(arguments): exit \(result.code) \(result.stderr)")
                #expect(!crashed(result), "cut at \(fraction) \(arguments): \(result.stderr)")
            }
        }
    }

    /// Root ignores file modes, but not the immutable attribute (ext4 and most Linux file systems):
    /// where `chattr +i` works, the database is truly read-only, even for root. Elsewhere the
    /// storage tests cover SQLITE_READONLY.
    @Test(.enabled(if: readOnlyFilesPossible, "cannot make a file read-only for this user here"))
    func readOnlyDatabaseExits74ForWritesAndStillReads() throws {
        let cli = try CLI()
        try cli.expectSuccess(cli.run("plant", "add", "Amuay", "--state", "Falcón"))
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.database))
        try #require(makeReadOnly(cli.database, true))
        defer { _ = makeReadOnly(cli.database, false) }
        let write = try cli.run("plant", "add", "Otra", "--state", "Sucre")
        #expect(write.code == 74, "\(write.stderr)")
        #expect(write.stderr.hasPrefix("formation: error: ") && write.stderr.split(separator: "\n").count == 1)
        #expect(try cli.run("plant", "list").code == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)) == before)
    }
}

/// Makes `path` read-only for this user (`chattr +i` as root, whom file modes do not stop), or
/// writable again; false when this file system or user cannot.
func makeReadOnly(_ path: String, _ readOnly: Bool) -> Bool {
    guard runningAsRoot else { return chmod(path, readOnly ? 0o444 : 0o644) == 0 }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
    process.arguments = [readOnly ? "+i" : "-i", path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitForExit()
    return process.terminationStatus == 0
}

/// Whether `makeReadOnly` works here, tried once on a scratch file.
let readOnlyFilesPossible: Bool = {
    let path = NSTemporaryDirectory() + "formation-readonly-probe-\(getpid())"
    guard FileManager.default.createFile(atPath: path, contents: Data("x".utf8)) else { return false }
    defer { _ = makeReadOnly(path, false); unlink(path) }
    guard makeReadOnly(path, true) else { return false }
    let descriptor = open(path, O_WRONLY)
    if descriptor >= 0 { close(descriptor) }
    return descriptor < 0
}()
