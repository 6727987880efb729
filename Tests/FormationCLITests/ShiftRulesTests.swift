import Foundation
import Testing

/// A shift refused for several reasons prints every one, a line each, and writes nothing: the
/// contract of `shift add`. The rules of shifts over sessions are tested on the use cases
/// (FormationUseCasesTests/Scheduling/ShiftRulesTests.swift).
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
}
