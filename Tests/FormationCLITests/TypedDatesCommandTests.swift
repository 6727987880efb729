import Foundation
import Testing

/// Dates and times typed the Venezuelan way reach every command that takes one (issue 21).
@Suite struct TypedDatesCommandTests {
    @Test func dayFirstDatesAndHourTimesWorkEverywhere() throws {
        var cli = try CLI()
        cli.language = "es"
        try #require(try cli.run(arguments: ["import"] + CurriculumCommandTests.packs).code == 0)
        try #require(try cli.run("plant", "add", "La Gaviota", "--state", "Sucre").code == 0)
        try #require(try cli.run("person", "add", "Ana Rivas").code == 0)
        let battle = try cli.run("battle", "add", "Batalla", "--plant", "La Gaviota", "--start", "1/12/2026", "--end", "5/12/2026",
                                 "--time-zone", "America/Caracas")
        #expect(battle.code == 0, "\(battle.stderr)")
        let session = try cli.run("session", "add", "--battle", "Batalla", "--workshop", "proportion-by-eye", "--start", "1/12/2026 14h",
                                  "--end", "1/12/2026 16.00", "--place", "Taller", "--facilitator", "Ana Rivas", "--force")
        #expect(session.code == 0, "\(session.stderr)")
        let shift = try cli.run("shift", "add", "--battle", "Batalla", "--person", "Ana Rivas", "--start", "2026-12-2 6h", "--end", "2/12/2026 14:00")
        #expect(shift.code == 0, "\(shift.stderr)")
        let day = try #require(try cli.json("session", "list", "--battle", "Batalla", "--day", "01/12/2026") as? [[String: Any]])
        #expect(day.map { $0["start"] as? String } == ["2026-12-01T14:00:00-04:00"])
        #expect(day.map { $0["end"] as? String } == ["2026-12-01T16:00:00-04:00"])
        let battles = try #require(try cli.json("battle", "list") as? [[String: Any]])
        #expect(battles.first?["start"] as? String == "2026-12-01" && battles.first?["end"] as? String == "2026-12-05")
    }

    @Test func impossibleDatesSayWhyInSpanish() throws {
        var cli = try CLI()
        cli.language = "es"
        try #require(try cli.run("plant", "add", "La Gaviota", "--state", "Sucre").code == 0)
        let february = try cli.run("battle", "add", "B", "--plant", "La Gaviota", "--start", "2026-02-27", "--end", "2026-02-30")
        #expect(february.code == 65)
        #expect(february.stderr == "formation: error: 2026-02-30: febrero de 2026 tiene 28 días\n")
        let month = try cli.run("battle", "add", "B", "--plant", "La Gaviota", "--start", "12/13/2026", "--end", "14/12/2026")
        #expect(month.code == 65)
        #expect(month.stderr.contains("no existe el mes 13"))
        let long = try cli.run("battle", "add", "B", "--plant", "La Gaviota", "--start", "5/12/2026", "--end", "10/12/2027")
        #expect(long.code == 65)
        #expect(long.stderr == "formation: error: una batalla del 2026-12-05 al 2027-12-10 duraría 371 días; dura 367 como máximo\n")
        #expect((try cli.json("battle", "list") as? [Any])?.isEmpty == true)
    }
}
