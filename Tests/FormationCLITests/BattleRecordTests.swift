import Foundation
import Testing

/// Issue 7: a battle record carried from one plant's database to another's.
@Suite struct BattleRecordTests {
    func exportRecord(_ cli: CLI) throws -> String {
        let path = cli.directory.appendingPathComponent("record.xml").path
        let result = try cli.run("battle", "export", "Batalla de La Gaviota", "--as", "record", "-o", path)
        try #require(result.code == 0, "\(result.stderr)")
        return path
    }

    func plannedWithAttendance() throws -> CLI {
        let cli = try BattleExportTests().plannedBattle()
        let sessions = try #require(try cli.json("session", "list", "--battle", "Batalla de La Gaviota") as? [[String: Any]])
        let first = String((sessions[0]["id"] as! String).prefix(8))
        try #require(try cli.run("attend", first, "Carla Mendoza", "Elena Bravo", "--status", "attended", "--force").code == 0)
        try #require(try cli.run("shift", "add", "--battle", "Batalla de La Gaviota", "--person", "Darío Pérez",
                                 "--start", "2026-12-03 06:00", "--end", "2026-12-03 14:00").code == 0)
        return cli
    }

    @Test func recordValidatesAndImportsIntoAnotherDatabaseWithTheSameSessions() throws {
        let source = try plannedWithAttendance()
        let record = try exportRecord(source)
        let (status, messages) = try BattleExportTests.xmllint(["--noout", "--schema",
            CLI.repositoryRoot.appendingPathComponent("Curricula/battle-record.xsd").path, record])
        #expect(status == 0, "\(messages)")

        let target = try CLI()
        let imported = try target.run(arguments: ["import", "--verbose"] + CurriculumCommandTests.packs + [record])
        #expect(imported.code == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("battle record of 'Batalla de La Gaviota': 3 sessions added, 0 already here, 5 people added"))
        let a = try source.run("session", "list", "--battle", "Batalla de La Gaviota", "--format", "json").stdout
        let b = try target.run("session", "list", "--battle", "Batalla de La Gaviota", "--format", "json").stdout
        #expect(a == b)
        #expect(try source.run("battle", "check", "Batalla de La Gaviota", "--format", "json").stdout
                == target.run("battle", "check", "Batalla de La Gaviota", "--format", "json").stdout)
        // Canonical: the target exports the same bytes.
        let again = try exportRecord(target)
        #expect(try Data(contentsOf: URL(fileURLWithPath: record)) == Data(contentsOf: URL(fileURLWithPath: again)))
    }

    @Test func importingTwiceChangesNothing() throws {
        let source = try plannedWithAttendance()
        let record = try exportRecord(source)
        let target = try CLI()
        try #require(try target.run(arguments: ["import"] + CurriculumCommandTests.packs + [record]).code == 0)
        let before = try target.run("person", "list", "--format", "json").stdout
        let second = try target.run("import", record)
        #expect(second.code == 0)
        #expect(second.stderr.contains("0 sessions added, 3 already here, 0 people added"))
        #expect(try target.run("person", "list", "--format", "json").stdout == before)
        // Back into the database it came from: nothing new either.
        let home = try source.run("import", record)
        #expect(home.stderr.contains("0 sessions added, 3 already here, 0 people added"))
    }

    @Test func aPersonWhoAlreadyExistsKeepsOneIdentityAndTheStrongerStatus() throws {
        let source = try plannedWithAttendance()
        let record = try exportRecord(source)
        let target = try CLI()
        try #require(try target.run(arguments: ["import"] + CurriculumCommandTests.packs + [record]).code == 0)
        // The target marks Carla absent in the first session; the record says attended: attended wins.
        let sessions = try #require(try target.json("session", "list", "--battle", "Batalla de La Gaviota") as? [[String: Any]])
        let first = String((sessions[0]["id"] as! String).prefix(8))
        try #require(try target.run("attend", first, "Carla Mendoza", "--status", "absent").code == 0)
        #expect(try target.run("import", record).code == 0)
        let after = try #require(try target.json("session", "list", "--battle", "Batalla de La Gaviota") as? [[String: Any]])
        #expect(after[0]["attended"] as? Int == 2)
        let people = try #require(try target.json("person", "list") as? [[String: Any]])
        #expect(people.filter { $0["name"] as? String == "Carla Mendoza" }.count == 1)
    }

    @Test func aRecordWhoseWorkshopsAreMissingIsRefusedListingThem() throws {
        let source = try plannedWithAttendance()
        let record = try exportRecord(source)
        let empty = try CLI()
        let refused = try empty.run("import", record)
        #expect(refused.code == 65)
        #expect(refused.stderr.contains("the record refers to workshops this database lacks (import their curriculum packs first): "
            + "freehand-drawing/proportion-by-eye, organising-production/collective-diagnosis, plant-maintenance/lockout-tagout"))
        #expect(try #require(try empty.json("battle", "list") as? [Any]).isEmpty, "nothing half-imported")
        #expect(try #require(try empty.json("person", "list") as? [Any]).isEmpty)
    }

    @Test func aMergedPersonsOldIdLandsOnTheKeptPerson() throws {
        let source = try plannedWithAttendance()
        let record = try exportRecord(source)
        let target = try CLI()
        try #require(try target.run(arguments: ["import"] + CurriculumCommandTests.packs + [record]).code == 0)
        // In the target, Elena Bravo is merged into a person registered there first.
        try #require(try target.run("person", "add", "Elena Bravo Rojas").code == 0)
        let merged = try target.run("person", "merge", "Elena Bravo Rojas", "Elena Bravo")
        try #require(merged.code == 0, "\(merged.stderr)")
        #expect(try target.run("import", record).code == 0)
        let people = try #require(try target.json("person", "list") as? [[String: Any]])
        #expect(!people.contains { $0["name"] as? String == "Elena Bravo" }, "the dropped person came back")
    }

    @Test func recordsAreSniffedFromStandardInputToo() throws {
        let source = try plannedWithAttendance()
        let record = try exportRecord(source)
        let target = try CLI()
        try #require(try target.run(arguments: ["import"] + CurriculumCommandTests.packs).code == 0)
        let result = try target.run("validate", "-", stdin: try Data(contentsOf: URL(fileURLWithPath: record)))
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stderr.contains("battle record of 'Batalla de La Gaviota' checked, 3 sessions"))
        #expect(try #require(try target.json("battle", "list") as? [Any]).isEmpty, "validate writes nothing")
    }
}
