import Foundation
import Testing

/// The rules judge each session as of its own start, never as of today (issue 14). The binary runs
/// under libfaketime at dates before, during and long after a battle, and `battle check`, the
/// report's conflicts and a worker's attendance read the same at every one of them.
@Suite struct ClockIndependenceTests {
    static let planning = "2026-11-20 12:00:00", during = "2026-12-01 12:00:00"
    static let readings = ["2020-01-01 09:00:00", "2026-11-30 23:00:00", "2026-12-01 12:00:00", "2026-12-03 10:00:00",
                           "2026-12-10 12:00:00", "2031-06-15 12:00:00"]

    /// A battle at La Gaviota (2026-12-01 to 05) planned on 2026-11-20, after one at Amuay in June where
    /// Beto taught lockout-tagout; attendance of day 1 taken on day 1.
    func plannedBattle() throws -> (cli: CLI, sessions: [String]) {
        let cli = try CLI()
        let at = Self.planning
        try #require(try cli.run(arguments: ["import"] + CurriculumCommandTests.packs).code == 0)
        for plant in ["La Gaviota", "Amuay"] { try #require(try cli.run("plant", "add", plant, "--state", "Sucre").code == 0) }
        for name in ["Ana Rivas", "Beto Salazar", "Carla Mendoza", "Darío Pérez", "Elena Bravo"] {
            try #require(try cli.run("person", "add", name, "--plant", "La Gaviota").code == 0)
        }
        try #require(try cli.run("battle", "add", "Batalla de Amuay", "--plant", "Amuay", "--start", "2026-06-01", "--end", "2026-06-05",
                                 "--time-zone", "America/Caracas").code == 0)
        try #require(try cli.run("battle", "add", "Batalla de La Gaviota", "--plant", "La Gaviota", "--start", "2026-12-01",
                                 "--end", "2026-12-05", "--time-zone", "America/Caracas").code == 0)
        func session(_ battle: String, _ workshop: String, _ start: String, _ end: String, _ facilitator: String, force: Bool) throws -> CLI.Result {
            try cli.run(at: at, arguments: ["session", "add", "--battle", battle, "--workshop", workshop, "--start", start, "--end", end,
                                            "--place", "Taller", "--facilitator", facilitator] + (force ? ["--force"] : []))
        }
        let amuay = try session("Batalla de Amuay", "lockout-tagout", "2026-06-02 08:00", "2026-06-02 11:00", "Beto Salazar", force: true)
        try #require(amuay.code == 0, "\(amuay.stderr)")

        // Ana has never taught proportion-by-eye: forced on day 1.
        let day1 = try session("Batalla de La Gaviota", "proportion-by-eye", "2026-12-01 09:00", "2026-12-01 11:00", "Ana Rivas", force: true)
        try #require(day1.code == 0, "\(day1.stderr)")
        #expect(day1.stderr.contains("recorded conflict: Ana Rivas has never attended nor taught"))
        // Day 3: by then she has taught it on day 1, so no --force is needed.
        let day3 = try session("Batalla de La Gaviota", "proportion-by-eye", "2026-12-03 09:00", "2026-12-03 11:00", "Ana Rivas", force: false)
        #expect(day3.code == 0, "\(day3.stderr)")
        // Beto taught lockout-tagout at Amuay in June: experienced here.
        let day2 = try session("Batalla de La Gaviota", "lockout-tagout", "2026-12-02 08:00", "2026-12-02 11:00", "Beto Salazar", force: false)
        #expect(day2.code == 0, "\(day2.stderr)")
        // Day 4: orthographic views need proportion-by-eye; Elena never taught it (forced).
        let day4 = try session("Batalla de La Gaviota", "orthographic-views", "2026-12-04 14:00", "2026-12-04 16:30", "Elena Bravo", force: true)
        try #require(day4.code == 0, "\(day4.stderr)")
        let ids = [day1, day2, day3, day4].map { String($0.stdout.prefix(8)) }

        try #require(try cli.run(at: at, "attend", ids[0], "Beto Salazar", "Carla Mendoza", "Darío Pérez").code == 0)
        // Before day 1 is held, registering for day 4 meets its prerequisite for planning: both are
        // registered on day 1 (issue 19), so no --force.
        let early = try cli.run(at: at, "attend", ids[3], "Beto Salazar", "Carla Mendoza")
        #expect(early.code == 0, "\(early.stderr)")
        // Day 1 is held: Beto and Carla came, Darío did not.
        try #require(try cli.run(at: Self.during, "attend", ids[0], "Beto Salazar", "Carla Mendoza", "--status", "attended").code == 0)
        try #require(try cli.run(at: Self.during, "attend", ids[0], "Darío Pérez", "--status", "absent").code == 0)
        return (cli, ids)
    }

    func json(_ cli: CLI, at time: String, _ arguments: String...) throws -> Any {
        let result = try cli.run(at: time, arguments: arguments + ["--format", "json"])
        try #require(result.code == 0, "\(arguments) at \(time): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// What each session's conflicts are, by kind and whether forced, in a comparable form.
    func conflicts(_ list: Any?) -> [String] {
        ((list as? [[String: Any]]) ?? []).flatMap { session in
            ((session["conflicts"] as? [[String: Any]]) ?? []).map { conflict in
                "\(session["session"] ?? "") \(conflict["kind"] ?? "") forced=\(conflict["forced"] ?? "-") "
                    + "\((conflict["message"] as? [String: String])?["en"] ?? "")"
            }
        }.sorted()
    }

    @Test func battleCheckIsTheSameBeforeDuringAndLongAfter() throws {
        let (cli, ids) = try plannedBattle()
        var seen: [String: [String]] = [:]
        for time in Self.readings {
            seen[time] = conflicts(try json(cli, at: time, "battle", "check", "Batalla de La Gaviota"))
        }
        let expected = seen[Self.during]!
        for time in Self.readings { #expect(seen[time] == expected, "battle check at \(time)") }
        // The forced conflicts stay, whatever the date: Ana on day 1, Elena on day 4 (prerequisites now met).
        let full = try #require(try json(cli, at: "2031-06-15 12:00:00", "battle", "check", "Batalla de La Gaviota") as? [[String: Any]])
        let bySession = Dictionary(uniqueKeysWithValues: full.map { (String(($0["session"] as? String ?? "").prefix(8)), $0) })
        let kinds = { (id: String) in ((bySession[id]?["conflicts"] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String } }
        // Day 1 was held with two of its minimum three (Darío absent): shown, whatever the date.
        #expect(kinds(ids[0]) == ["belowMinimum", "inexperiencedFacilitator"])
        #expect(kinds(ids[1]).isEmpty && kinds(ids[2]).isEmpty)
        #expect(kinds(ids[3]) == ["inexperiencedFacilitator"])
    }

    @Test func reportAndHistoryDoNotDependOnToday() throws {
        let (cli, _) = try plannedBattle()
        var reports: [String: [String: Any]] = [:]
        for time in Self.readings {
            let report = try #require(try json(cli, at: time, "battle", "report", "Batalla de La Gaviota") as? [String: Any])
            reports[time] = report
            #expect(conflicts(report["conflicts"]) == conflicts(reports[Self.readings[0]]?["conflicts"]), "report's conflicts at \(time)")
            // Attendance is what was recorded, not what the clock says: Beto's learning is the same at any date.
            let beto = try #require(try json(cli, at: time, "history", "Beto Salazar") as? [String: Any])
            #expect((beto["attended"] as? [[String: Any]])?.compactMap { $0["workshop"] as? String } == ["freehand-drawing/proportion-by-eye"],
                    "Beto's history at \(time)")
        }
        // Once the battle is over, the report no longer changes with the date.
        let after = try JSONSerialization.data(withJSONObject: reports["2026-12-10 12:00:00"]!, options: .sortedKeys)
        let longAfter = try JSONSerialization.data(withJSONObject: reports["2031-06-15 12:00:00"]!, options: .sortedKeys)
        #expect(after == longAfter)
        // Beto taught at Amuay before: not new. Ana and Elena taught for the first time here.
        let newFacilitators = (reports["2031-06-15 12:00:00"]?["newFacilitators"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(newFacilitators == ["Ana Rivas", "Elena Bravo"])
        // Before anything was held, nothing was taught yet; the same facilitators are not "new" twice.
        #expect((reports["2020-01-01 09:00:00"]?["newFacilitators"] as? [Any])?.isEmpty == true)
        let ana = try #require(try json(cli, at: "2031-06-15 12:00:00", "history", "Ana Rivas") as? [String: Any])
        #expect((ana["taught"] as? [Any])?.count == 2)
    }
}
