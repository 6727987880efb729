import Foundation
import Testing

@Suite struct ProgrammeCommandTests {
    @Test func addThenListReturnsWhatWasAdded() throws {
        let cli = try CLI()
        let plant = try cli.run("plant", "add", "La Gaviota", "--state", "Sucre", "--sector", "harina de pescado")
        #expect(plant.code == 0)
        let plantID = plant.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(plantID.count == 36)
        // The id alone on stdout, for scripts; what was done, in words, on stderr.
        #expect(plant.stderr == "formation: added plant La Gaviota\n")
        let person = try cli.run("person", "add", "María Pérez", "--plant", "La Gaviota", "--retired", "--sector", "public")
        #expect(person.code == 0)
        let battle = try cli.run("battle", "add", "Batalla de La Gaviota", "--plant", String(plantID.prefix(6)),
                                 "--start", "2026-12-01", "--end", "2026-12-05", "--time-zone", "America/Caracas")
        #expect(battle.code == 0)

        let plants = try #require(try cli.json("plant", "list") as? [[String: Any]])
        #expect(plants.count == 1)
        #expect(plants[0]["id"] as? String == plantID)
        #expect(plants[0]["name"] as? String == "La Gaviota")
        #expect(plants[0]["state"] as? String == "Sucre")
        #expect(plants[0]["ownership"] as? String == "state")

        let people = try #require(try cli.json("person", "list") as? [[String: Any]])
        #expect(people.count == 1)
        #expect(people[0]["name"] as? String == "María Pérez")
        #expect(people[0]["plant"] as? String == "La Gaviota")
        #expect(people[0]["retired"] as? Bool == true)
        #expect(people[0]["sector"] as? String == "public")

        let battles = try #require(try cli.json("battle", "list") as? [[String: Any]])
        #expect(battles.count == 1)
        #expect(battles[0]["plant"] as? String == "La Gaviota")
        #expect(battles[0]["start"] as? String == "2026-12-01")
        #expect(battles[0]["end"] as? String == "2026-12-05")
        #expect(battles[0]["timeZone"] as? String == "America/Caracas")

        let shown = try #require(try cli.json("battle", "show", "Batalla de La Gaviota") as? [String: Any])
        #expect(shown["days"] as? Int == 5)
        let text = try cli.run("battle", "show", "Batalla de La Gaviota", "--lang", "es")
        #expect(text.stdout.contains("martes 1 de diciembre de 2026"))
    }

    @Test func embeddedDefaultDatabaseIsCreatedUnderXDGDataHome() throws {
        let cli = try CLI()
        let data = cli.directory.appendingPathComponent("data").path
        let result = try cli.run("plant", "add", "Amuay", "--state", "Falcón", environment: ["XDG_DATA_HOME": data], useDatabaseFlag: false)
        #expect(result.code == 0)
        #expect(FileManager.default.fileExists(atPath: data + "/selfformation/formation.sqlite"))
        let viaEnv = try cli.run("plant", "list", environment: ["FORMATION_DATABASE": data + "/selfformation/formation.sqlite"], useDatabaseFlag: false)
        #expect(viaEnv.stdout.contains("Amuay"))
    }

    @Test func badArgumentsExit64() throws {
        let cli = try CLI()
        #expect(try cli.run("plant", "add").code == 64)
        #expect(try cli.run("plant", "add", "X", "--state", "S", "--ownership", "cooperative").code == 64)
        #expect(try cli.run("plant", "list", "--format", "yaml").code == 64)
        #expect(try cli.run("plant", "list", "--lang", "fr").code == 64)
        #expect(try cli.run("no-such-command").code == 64)
    }

    @Test func unknownPersonExits65NamingIt() throws {
        let cli = try CLI()
        try #require(try cli.run("plant", "add", "La Gaviota", "--state", "Sucre").code == 0)
        let result = try cli.run("person", "show", "Nadie Conocido")
        #expect(result.code == 65)
        #expect(result.stderr == "formation: error: no person matches 'Nadie Conocido'\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func ambiguousNameListsTheCandidates() throws {
        let cli = try CLI()
        let a = try cli.run("person", "add", "José Rondón").stdout.prefix(8)
        let b = try cli.run("person", "add", "José Rondón", "--force").stdout.prefix(8)
        let result = try cli.run("person", "show", "José Rondón")
        #expect(result.code == 65)
        #expect(result.stderr.contains("José Rondón (\(a))") && result.stderr.contains("José Rondón (\(b))"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func dataErrorsAreOneLineAndExit65() throws {
        let cli = try CLI()
        try cli.run("plant", "add", "P", "--state", "Sucre")
        let cases: [([String], String)] = [
            (["battle", "add", "B", "--plant", "P", "--start", "2026-12-05", "--end", "2026-12-01"], "comes before the start"),
            (["battle", "add", "B", "--plant", "P", "--start", "2026-02-30", "--end", "2026-03-01"], "2026-02-30: February 2026 has 28 days"),
            (["battle", "add", "B", "--plant", "P", "--start", "mañana", "--end", "2026-03-01"], "invalid date 'mañana': type it day first"),
            (["battle", "add", "B", "--plant", "P", "--start", "2026-12-01", "--end", "2026-12-05", "--time-zone", "Mars/Base"], "unknown time zone"),
            (["battle", "add", "B", "--plant", "Nowhere", "--start", "2026-12-01", "--end", "2026-12-05"], "no plant matches 'Nowhere'"),
            (["plant", "add", "P", "--state", "Sucre"], "already exists"),
            (["person", "add", "   "], "must not be empty"),
            (["workshop", "show", "Not An Id"], "malformed id"),
            (["curriculum", "show", "missing"], "no curriculum matches 'missing'"),
        ]
        for (arguments, expected) in cases {
            let result = try cli.run(arguments: arguments)
            #expect(result.code == 65, "\(arguments)")
            #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments)")
        }
    }

    @Test func databaseProblemsAreRefusedWithTheDocumentedCode() throws {
        let cli = try CLI()
        let notSQLite = cli.directory.appendingPathComponent("notes.txt").path
        try Data(String(repeating: "apuntes de la batalla\n", count: 200).utf8).write(to: URL(fileURLWithPath: notSQLite))
        let bad = try cli.run("plant", "list", environment: ["FORMATION_DATABASE": notSQLite], useDatabaseFlag: false)
        #expect(bad.code == 65)
        #expect(bad.stderr.contains("is not a formation database"))
        let directory = try cli.run("plant", "list", environment: ["FORMATION_DATABASE": cli.directory.path], useDatabaseFlag: false)
        #expect(directory.code == 74)
        #expect(directory.stderr.split(separator: "\n").count == 1)
    }

    @Test func newerSchemaDatabaseIsRefused() throws {
        let cli = try CLI()
        try cli.run("plant", "add", "P", "--state", "S")
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [cli.database, "INSERT INTO grdb_migrations VALUES ('v2 from a newer formation')"]
        try sqlite.run()
        sqlite.waitForExit()
        try #require(sqlite.terminationStatus == 0)
        let result = try cli.run("plant", "list")
        #expect(result.code == 65)
        #expect(result.stderr.contains("newer version of formation"))
        #expect(result.stderr.contains("v2 from a newer formation"))
    }

    @Test func listsAreEmptyArraysBeforeAnythingIsAdded() throws {
        let cli = try CLI()
        // Reading creates nothing (issue 18): a write and its undo leave an empty database.
        try #require(try cli.run("plant", "add", "La Gaviota", "--state", "Sucre").code == 0)
        try #require(try cli.run("undo").code == 0)
        for noun in ["plant", "person", "battle", "curriculum", "workshop"] {
            let result = try cli.run(noun, "list", "--format", "json")
            #expect(result.code == 0, "\(noun)")
            #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "\(noun): \(result.stdout)")
        }
    }
}
