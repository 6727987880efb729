import Foundation
import Testing

/// Repair shifts: inside the battle, at most a day, never over the same person's other shift
/// (hard); over a session the person is in, the same soft conflict as the other way round; and a
/// facilitator on shift is flagged like a participant (issues 18 and 19).
@Suite struct ShiftRulesTests {
    func battle() throws -> CLI {
        let cli = try BattleCommandTests().battle()
        try #require(try cli.run("session", "add", "--battle", "Batalla de La Gaviota", "--workshop", "proportion-by-eye",
                                 "--start", "2026-12-02 21:00", "--end", "2026-12-02 23:00", "--place", "Taller",
                                 "--facilitator", "Ana Rivas", "--force").code == 0)
        return cli
    }

    func shift(_ cli: CLI, _ people: [String], _ start: String, _ end: String, force: Bool = false) throws -> CLI.Result {
        try cli.run(arguments: ["shift", "add", "--battle", "Batalla de La Gaviota"] + people.flatMap { ["--person", $0] }
                    + ["--start", start, "--end", end] + (force ? ["--force"] : []))
    }

    @Test func impossibleShiftsAreRefusedWithEveryProblem() throws {
        let cli = try battle()
        let outside = try shift(cli, ["Beto Salazar", "Carla Mendoza"], "2026-12-05 22:00", "2026-12-07 06:00", force: true)
        #expect(outside.code == 65)
        #expect(outside.stderr == """
            formation: error: the shift falls outside the battle's days (from 2026-12-01 to 2026-12-05)
            formation: error: the shift would last 32 hours; a repair shift lasts 24 at most

            """, "\(outside.stderr)")
        try #require(try shift(cli, ["Beto Salazar"], "2026-12-01 06:00", "2026-12-01 14:00").code == 0)
        let twice = try shift(cli, ["Carla Mendoza", "Beto Salazar"], "2026-12-01 12:00", "2026-12-01 20:00", force: true)
        #expect(twice.code == 65)
        #expect(twice.stderr == "formation: error: Beto Salazar already has a repair shift from 2026-12-01 06:00 to 2026-12-01 14:00\n")
        // Nothing was written for Carla either.
        #expect(try shift(cli, ["Carla Mendoza"], "2026-12-01 12:00", "2026-12-01 20:00").code == 0)
    }

    @Test func aShiftOverASessionIsSoftBothWays() throws {
        let cli = try battle()
        // Ana facilitates 21:00–23:00 on the 2nd: a shift over it needs --force, and is then recorded.
        let refused = try shift(cli, ["Ana Rivas"], "2026-12-02 19:00", "2026-12-02 23:30")
        #expect(refused.code == 65)
        #expect(refused.stderr.contains("Ana Rivas is on a repair shift from 2026-12-02 19:00 to 2026-12-02 23:30"), "\(refused.stderr)")
        let forced = try shift(cli, ["Ana Rivas"], "2026-12-02 19:00", "2026-12-02 23:30", force: true)
        #expect(forced.code == 0)
        #expect(forced.stderr.contains("recorded conflict: Ana Rivas is on a repair shift"))
        let check = try cli.run("battle", "check", "Batalla de La Gaviota")
        #expect(check.stdout.contains("[forced] Ana Rivas is on a repair shift from 2026-12-02 19:00 to 2026-12-02 23:30"), "\(check.stdout)")
    }

    @Test func aFacilitatorOnShiftIsFlaggedWhenTheSessionIsAdded() throws {
        let cli = try battle()
        try #require(try shift(cli, ["Beto Salazar"], "2026-12-03 19:00", "2026-12-03 23:00").code == 0)
        let session = try cli.run("session", "add", "--battle", "Batalla de La Gaviota", "--workshop", "lockout-tagout",
                                  "--start", "2026-12-03 21:45", "--end", "2026-12-04 00:45", "--place", "Patio", "--facilitator", "Beto Salazar")
        #expect(session.code == 65)
        #expect(session.stderr.contains("Beto Salazar is on a repair shift from 2026-12-03 19:00 to 2026-12-03 23:00"), "\(session.stderr)")
        // Off shift, the same facilitator is fine.
        let later = try cli.run("session", "add", "--battle", "Batalla de La Gaviota", "--workshop", "lockout-tagout",
                                "--start", "2026-12-04 09:00", "--end", "2026-12-04 12:00", "--place", "Patio", "--facilitator", "Beto Salazar", "--force")
        #expect(later.code == 0)
        #expect(!later.stderr.contains("repair shift"))
    }
}
