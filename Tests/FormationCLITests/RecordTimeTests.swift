import Foundation
import Testing

/// Issue 15, item 10: a transfer never moves a session. Times with seconds are refused; offsets
/// with seconds (local mean time, Caracas before 1912: −04:27:40) are written exactly.
@Suite struct RecordTimeTests {
    @Test func timesWithSecondsAreRefused() throws {
        let cli = try BattleCommandTests().battle()
        let person = RecordFixture.Person(name: "Visitante")
        var record = RecordFixture(people: [person])
        record.sessions = [.init(start: "2026-12-02T10:00:10-04:00", end: "2026-12-02T10:00:50-04:00",
                                 participants: [.init(person: person.id, role: "facilitator")])]
        let path = try record.write(cli)
        let result = try cli.run("import", path)
        #expect(result.code == 65)
        let line = try #require(record.line(of: "<session id"))
        #expect(result.stderr.contains("\(path):\(line):3: error: time 2026-12-02T10:00:10-04:00 is not a whole minute in the battle's time zone"),
                "\(result.stderr)")
        #expect(try #require(try cli.json("battle", "list") as? [Any]).count == 1)
    }

    @Test func anOffsetWithSecondsRoundTripsToTheSecond() throws {
        let source = try CLI()
        try #require(try source.run(arguments: ["import"] + CurriculumCommandTests.packs).code == 0)
        try #require(try source.run("plant", "add", "La Vieja", "--state", "Distrito Capital").code == 0)
        try #require(try source.run("person", "add", "Ana Rivas", "--plant", "La Vieja").code == 0)
        try #require(try source.run("battle", "add", "Batalla de 1905", "--plant", "La Vieja", "--start", "1905-03-01",
                                    "--end", "1905-03-03", "--time-zone", "America/Caracas").code == 0)
        let added = try source.run("session", "add", "--battle", "Batalla de 1905", "--workshop", "proportion-by-eye",
                                   "--start", "1905-03-01 09:00", "--end", "1905-03-01 11:00", "--place", "Taller",
                                   "--facilitator", "Ana Rivas", "--force")
        try #require(added.code == 0, "\(added.stderr)")
        let stored = try SQLiteShell.run(source.database, "SELECT start, \"end\" FROM session")

        var path = source.directory.appendingPathComponent("r1.xml").path
        try #require(try source.run("battle", "export", "Batalla de 1905", "--as", "record", "-o", path).code == 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(String(decoding: first, as: UTF8.self).contains("start=\"1905-03-01T13:27:40Z\""))
        // Three transfers: into another database, out again, back home.
        let target = try CLI()
        let imported = try target.run(arguments: ["import"] + CurriculumCommandTests.packs + [path])
        #expect(imported.code == 0, "\(imported.stderr)")
        #expect(try SQLiteShell.run(target.database, "SELECT start, \"end\" FROM session") == stored)
        path = target.directory.appendingPathComponent("r2.xml").path
        try #require(try target.run("battle", "export", "Batalla de 1905", "--as", "record", "-o", path).code == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == first)
        let home = try source.run("import", path)
        #expect(home.stderr.contains("0 sessions added, 1 already here"), "\(home.stderr)")
        #expect(try SQLiteShell.run(source.database, "SELECT start, \"end\" FROM session") == stored)
        #expect(try source.run("check").code == 0)
    }
}
