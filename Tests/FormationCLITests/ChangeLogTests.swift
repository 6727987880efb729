import Foundation
import Testing

/// Issue 18: every write is one entry of the change log; `formation undo` reverts it.
@Suite struct ChangeLogTests {
    /// The database as `sqlite3 .dump` prints it, without the change log: what undo must restore.
    /// Sorted: a row put back by an undo has the same values but a new rowid, so `.dump` lists it
    /// elsewhere in its table.
    static func dump(_ cli: CLI) throws -> [String] {
        let dump = try ChildProcess.run("/usr/bin/sqlite3", arguments: [cli.database, ".dump"], environment: ProcessInfo.processInfo.environment)
        return String(decoding: dump.stdout, as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.contains("changeLog") }.sorted()
    }

    /// `undo` run once per change from `last` down to #2 (#1 is the starting import), each saying
    /// which it undid; then the database is `start` again, apart from the log, and `check` passes.
    static func undoEveryChange(_ cli: CLI, from last: Int, backTo start: [String],
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        for number in stride(from: last, through: 2, by: -1) {
            let undone = try cli.run("undo")
            #expect(undone.code == 0, "undo of #\(number): \(undone.stderr)", sourceLocation: sourceLocation)
            #expect(undone.stdout.hasPrefix("undid #\(number):"), "\(undone.stdout)", sourceLocation: sourceLocation)
        }
        let end = try dump(cli)
        #expect(end == start, "\(Set(end).symmetricDifference(start))", sourceLocation: sourceLocation)
        #expect(try cli.run("check").code == 0, sourceLocation: sourceLocation)
    }

    static let packs = ["plant-maintenance.xml", "organising-production.xml", "freehand-drawing.xml"].map {
        CLI.repositoryRoot.appendingPathComponent("Curricula").appendingPathComponent($0).path
    }
    /// A pack of its own, imported as one of the ten changes.
    static let pack = """
        <?xml version="1.0" encoding="UTF-8"?>
        <curriculum xmlns="urn:selfformation:curriculum:1" id="welding" version="1">
          <title xml:lang="en">Welding</title>
          <council>C</council>
          <license>CC-BY-SA-4.0</license>
          <workshop id="arc" category="technical" minutes="60">
            <title xml:lang="en">Arc welding</title>
            <prerequisites><requires ref="plant-maintenance/lockout-tagout"/></prerequisites>
            <objectives><objective><text xml:lang="en">x</text></objective></objectives>
          </workshop>
          <workshop id="gas" category="technical" minutes="90">
            <title xml:lang="en">Gas welding</title>
            <prerequisites><requires ref="arc"/></prerequisites>
            <objectives><objective><text xml:lang="en">y</text></objective></objectives>
          </workshop>
        </curriculum>

        """

    @Test func tenKindsOfChangeAreUndoneOneByOneBackToTheStart() throws {
        let cli = try CLI()
        try #require(try cli.run(arguments: ["import"] + Self.packs).code == 0)
        let start = try Self.dump(cli)

        let battle = "Batalla de La Gaviota"
        var steps: [[String]] = [
            ["plant", "add", "La Gaviota", "--state", "Sucre"],
            ["person", "add", "Ana Rivas", "--plant", "La Gaviota"],
            ["person", "add", "Ana R."],
            ["battle", "add", battle, "--plant", "La Gaviota", "--start", "2026-12-01", "--end", "2026-12-05", "--time-zone", "America/Caracas"],
        ]
        for step in steps { try #require(try cli.run(arguments: step).code == 0, "\(step)") }
        let session = try cli.run("session", "add", "--battle", battle, "--workshop", "plant-maintenance/lockout-tagout",
                                  "--start", "2026-12-02 08:00", "--end", "2026-12-02 11:00", "--place", "Patio",
                                  "--facilitator", "Ana Rivas", "--force")
        try #require(session.code == 0, "\(session.stderr)")
        let sessionID = String(session.stdout.prefix(8))
        steps = [
            ["shift", "add", "--battle", battle, "--person", "Ana R.", "--start", "2026-12-03 06:00", "--end", "2026-12-03 14:00"],
            ["attend", sessionID, "Ana R.", "--force"],
            ["session", "cancel", sessionID],
            ["person", "merge", "Ana Rivas", "Ana R."],
            ["import", try CurriculumCommandTests().write(Self.pack, "welding.xml", in: cli)],
        ]
        for step in steps {
            let result = try cli.run(arguments: step)
            try #require(result.code == 0, "\(step): \(result.stderr)")
        }
        var record = RecordFixture()
        let person = RecordFixture.Person(name: "Zoe Amuay")
        record.people = [person]
        record.sessions = [RecordFixture.Session(start: "2026-12-02T09:00:00-04:00", end: "2026-12-02T11:00:00-04:00",
                                                 participants: [.init(person: person.id, role: "facilitator", status: "attended")])]
        let imported = try cli.run("import", try record.write(cli))
        try #require(imported.code == 0, "\(imported.stderr)")

        let log = try cli.run("log")
        #expect(log.code == 0)
        let lines = log.stdout.split(separator: "\n")
        #expect(lines.count == 12, "\(log.stdout)")
        #expect(lines.first?.hasPrefix("#12 added") == true, "\(log.stdout)")
        // #1 is the starting import.
        #expect(log.stdout.contains("#6 added session plant-maintenance/lockout-tagout @ Patio, 2026-12-02 08:00 — by "), "\(log.stdout)")
        #expect(log.stdout.contains("#9 cancelled session plant-maintenance/lockout-tagout @ Patio, 2026-12-02 08:00"), "\(log.stdout)")
        #expect(log.stdout.contains("#10 merged Ana R. into Ana Rivas"), "\(log.stdout)")
        #expect(log.stdout.contains("#11 added curriculum welding v1"), "\(log.stdout)")
        #expect(log.stdout.contains("#2 added plant La Gaviota"), "\(log.stdout)")

        try Self.undoEveryChange(cli, from: 12, backTo: start)
        let undos = try #require(try cli.json("log") as? [[String: Any]])
        #expect(undos.count == 23)
        #expect(undos.filter { $0["undoneBy"] is Int }.count == 11)
    }

    @Test func undoIsRefusedWhileALaterChangeDependsOnTheSameRows() throws {
        let cli = try CLI()
        #expect(try cli.run("plant", "add", "La Gaviota", "--state", "Sucre").code == 0)
        #expect(try cli.run("person", "add", "Ana Rivas", "--plant", "La Gaviota").code == 0)
        #expect(try cli.run("person", "add", "Beto Salazar").code == 0)
        let before = try Self.dump(cli)

        let refused = try cli.run("undo", "1")
        #expect(refused.code == 65)
        #expect(refused.stderr.contains("change #1 cannot be undone: the later change #2 (formation person add 'Ana Rivas' --plant 'La Gaviota')"),
                "\(refused.stderr)")
        #expect(try Self.dump(cli) == before, "nothing changed")

        // Unrelated later changes do not stand in the way; an undo is logged and can itself be undone.
        let id = try #require(try cli.json("log") as? [[String: Any]]).first { $0["number"] as? Int == 2 }?["id"] as? String
        let undone = try cli.run("undo", String(try #require(id).prefix(6)))
        #expect(undone.code == 0, "\(undone.stderr)")
        #expect(undone.stdout.contains("undid #2: added person Ana Rivas"))
        #expect(try cli.run("undo", "#4").code == 0, "redo")
        #expect(try Self.dump(cli) == before)
        let again = try cli.run("undo", "2")
        #expect(again.code == 0, "undone again after the redo: \(again.stderr)")
        let log = try #require(try cli.json("log") as? [[String: Any]])
        #expect(log.first?["undoOf"] as? Int == 2)
        #expect(log.first { $0["number"] as? Int == 4 }?["undoneBy"] as? Int == 5)
    }

    @Test func theLogReadsInSpanishAndEnglish() throws {
        let cli = try BattleCommandTests().battle()
        let session = try BattleCommandTests().addSession(cli, "lockout-tagout", "2026-12-02 08:00", "2026-12-02 11:00",
                                                          place: "Patio", facilitator: "Beto Salazar")
        try #require(session.code == 0)
        #expect(try cli.run("attend", String(session.stdout.prefix(8)), "Ana Rivas", "--status", "attended", "--force").code == 0)
        #expect(try cli.run("plant", "add", "Amuay", "--state", "Falcón").code == 0)

        let english = try cli.run("log", "--battle", "Batalla de La Gaviota")
        #expect(english.stdout.contains(" added session plant-maintenance/lockout-tagout @ Patio, 2026-12-02 08:00 — by "), "\(english.stdout)")
        #expect(english.stdout.contains("added Ana Rivas (participant) in session plant-maintenance/lockout-tagout @ Patio, 2026-12-02 08:00"),
                "\(english.stdout)")
        #expect(english.stdout.contains("added battle Batalla de La Gaviota"))
        #expect(!english.stdout.contains("Amuay"), "another plant is not this battle's")
        var spanish = cli
        spanish.language = "es"
        let es = try spanish.run("log", "--limit", "2")
        #expect(es.stdout.split(separator: "\n").count == 2)
        #expect(es.stdout.contains("se añadió planta Amuay — por "), "\(es.stdout)")
        #expect(es.stdout.contains("se añadió Ana Rivas (participante) en la sesión plant-maintenance/lockout-tagout @ Patio, 2026-12-02 08:00"),
                "\(es.stdout)")
        let refused = try spanish.run("undo", "99")
        #expect(refused.code == 65)
        #expect(refused.stderr.contains("no hay ningún cambio '99'"))
    }

    @Test func theLogSurvivesBackupAndCheckFindsDamagedEntries() throws {
        let cli = try CLI()
        #expect(try cli.run("plant", "add", "La Gaviota", "--state", "Sucre").code == 0)
        let copy = cli.directory.appendingPathComponent("copy.sqlite").path
        #expect(try cli.run("backup", copy).code == 0)
        let log = try cli.run(arguments: ["log", "--database", copy], useDatabaseFlag: false)
        #expect(log.stdout.contains("#1 added plant La Gaviota"), "\(log.stdout) \(log.stderr)")

        let damage = Process()
        damage.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        damage.arguments = [copy, "UPDATE changeLog SET changeset = x'01020304' WHERE number = 1"]
        try damage.run()
        damage.waitForExit()
        let check = try cli.run(arguments: ["check", "--database", copy, "--format", "json"], useDatabaseFlag: false)
        #expect(check.code == 65)
        #expect(check.stdout.contains("\"changeLog\""), "\(check.stdout)")
    }

    @Test func noSilentFiles() throws {
        let cli = try CLI()
        let missing = cli.directory.appendingPathComponent("missing.sqlite").path
        for command in [["plant", "list"], ["person", "list"], ["log"], ["check"], ["battle", "list"]] {
            let result = try cli.run(arguments: command + ["--database", missing], useDatabaseFlag: false)
            #expect(result.code == 66, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("there is no database here"), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: missing))

        let misspelt = cli.directory.appendingPathComponent("datos-mal/formation.sqlite").path
        let refused = try cli.run(arguments: ["plant", "add", "La Gaviota", "--state", "Sucre", "--database", misspelt], useDatabaseFlag: false)
        #expect(refused.code == 74)
        #expect(refused.stderr.contains("the folder \(cli.directory.appendingPathComponent("datos-mal").path) does not exist"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("datos-mal").path))

        // The default location: reading creates nothing, the first write creates the folder and the file.
        let home = cli.directory.appendingPathComponent(".local/share/selfformation/formation.sqlite").path
        #expect(try cli.run("plant", "list", useDatabaseFlag: false).code == 66)
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent(".local").path))
        #expect(try cli.run("plant", "add", "La Gaviota", "--state", "Sucre", useDatabaseFlag: false).code == 0)
        #expect(FileManager.default.fileExists(atPath: home))
        #expect(try cli.run("plant", "list", useDatabaseFlag: false).stdout.contains("La Gaviota"))

        // validate checks a file without a database, and creates none.
        let validated = try cli.run(arguments: ["validate"] + Self.packs + ["--database", missing], useDatabaseFlag: false)
        #expect(validated.code == 0, "\(validated.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
