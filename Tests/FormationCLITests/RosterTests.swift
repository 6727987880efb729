import Foundation
import Testing

/// `battle join`, `leave` and `roster` (issue 23): who is at a battle and on which days, in the log,
/// undone, and carried by battle records.
@Suite struct RosterTests {
    let base = BattleCommandTests()
    static let battle = "Batalla de La Gaviota"

    @Test func joinLeaveAndRosterSayWhatTheyDid() throws {
        let cli = try base.battle()
        let joined = try cli.run("battle", "join", Self.battle, "Ana Rivas", "beto salazar")
        #expect(joined.code == 0 && joined.stdout.isEmpty)
        #expect(joined.stderr == """
            formation: Ana Rivas joined the roster of Batalla de La Gaviota, 2026-12-01 to 2026-12-05
            formation: Beto Salazar joined the roster of Batalla de La Gaviota, 2026-12-01 to 2026-12-05

            """)
        let some = try cli.run("battle", "join", Self.battle, "Carla Mendoza", "--from", "2026-12-03", "--lang", "es")
        #expect(some.stderr == "formation: Carla Mendoza se sumó a la nómina de Batalla de La Gaviota, del 2026-12-03 al 2026-12-05\n")
        let outside = try cli.run("battle", "join", Self.battle, "Carla Mendoza", "--to", "2026-12-09")
        #expect(outside.code == 65 && outside.stderr.contains("not inside the battle (2026-12-01 to 2026-12-05)"))
        #expect(try cli.run("battle", "join", Self.battle).code == 64)
        // A shift puts Darío on it without joining.
        try #require(try cli.run("shift", "add", "--battle", Self.battle, "--person", "Darío Pérez", "--start", "2026-12-01 06:00",
                                 "--end", "2026-12-01 12:00").code == 0)
        let text = try cli.run("battle", "roster", Self.battle)
        #expect(text.stdout.contains("Roster of Batalla de La Gaviota: 4 people"), "\(text.stdout)")
        #expect(text.stdout.contains("Carla Mendoza  2026-12-03  2026-12-05  joined"), "\(text.stdout)")
        #expect(text.stdout.contains("Darío Pérez    2026-12-01  2026-12-05  shifts"), "\(text.stdout)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(cli.run("battle", "roster", Self.battle, "--format", "json").stdout.utf8)) as? [[String: Any]])
        #expect(json.count == 4)
        #expect(json.first?["name"] as? String == "Ana Rivas" && json.first?["joined"] as? Bool == true)

        let left = try cli.run("battle", "leave", Self.battle, "Ana Rivas", "Darío Pérez", "Elena Bravo")
        #expect(left.stderr.contains("formation: Ana Rivas left the roster of Batalla de La Gaviota\n"))
        #expect(left.stderr.contains("Darío Pérez is on the roster of Batalla de La Gaviota through their shifts or sessions there"))
        #expect(left.stderr.contains("Elena Bravo was not on the roster of Batalla de La Gaviota: nothing changed"))
        #expect(try cli.run("log", "--limit", "1").stdout.contains("removed Ana Rivas on the roster of Batalla de La Gaviota"))
        #expect(try cli.run("undo").code == 0)
        #expect(try cli.run("battle", "roster", Self.battle).stdout.contains("Ana Rivas"))
    }

    @Test func aRecordCarriesTheRosterAndOlderRecordsStillImport() throws {
        let here = try base.battle()
        try #require(try here.run("battle", "join", Self.battle, "Elena Bravo", "--from", "2026-12-02", "--to", "2026-12-03").code == 0)
        let (record, written) = try here.exportRecord(Self.battle, to: "roster.xml")
        #expect(written.contains("<rosterEntry person=\""), "\(written)")
        #expect(written.contains("from=\"2026-12-02\" to=\"2026-12-03\"/>"))
        #expect(written.contains("<name>Elena Bravo</name>"))

        let there = try CLI()
        try #require(try there.run(arguments: ["import"] + CurriculumCommandTests.packs + [record]).code == 0)
        #expect(try there.run("battle", "roster", Self.battle).stdout.contains("Elena Bravo  2026-12-02  2026-12-03  joined"))
        #expect(try there.exportRecord(Self.battle, to: "again.xml").text.utf8.elementsEqual(written.utf8), "byte for byte")
        // Without the roster, the record is as before.
        try #require(try here.run("battle", "leave", Self.battle, "Elena Bravo").code == 0)
        #expect(!(try here.exportRecord(Self.battle, to: "roster.xml").text.contains("rosterEntry")))
    }
}
