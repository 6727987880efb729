import Foundation
import Testing
import FormationDomain
import FormationUseCases

/// Wall-clock times that a zone skips or shows twice (issue 14): a session typed at 02:30 the night
/// the clocks jump from 02:00 to 03:00 does not exist and is refused; one typed at 02:30 the night
/// they go back happens twice and is taken as the first, saying so.
@Suite struct ClockChangeTests {
    func time(_ text: String) throws -> LocalDateTime { try LocalDateTime(parsing: text) }

    @Test func aSkippedTimeIsRefusedNamingTheJump() throws {
        let madrid = try LocalClock(timeZone: "Europe/Madrid")
        #expect(throws: DomainError.nonexistentLocalTime(time: "2026-03-29 02:30", zone: "Europe/Madrid", from: "02:00", to: "03:00")) {
            try madrid.resolve(time("2026-03-29 02:30"))
        }
        #expect(throws: DomainError.nonexistentLocalTime(time: "2026-03-29 02:00", zone: "Europe/Madrid", from: "02:00", to: "03:00")) {
            try madrid.resolve(time("2026-03-29 02:00"))
        }
        // Just outside the gap: 01:59 is still winter time (UTC+1), 03:00 summer time (UTC+2).
        #expect(try madrid.resolve(time("2026-03-29 01:59")) == (1_774_745_940, nil))
        #expect(try madrid.resolve(time("2026-03-29 03:00")) == (1_774_746_000, nil))
        // A half-hour jump (Lord Howe Island, 02:00 → 02:30).
        let lordHowe = try LocalClock(timeZone: "Australia/Lord_Howe")
        #expect(throws: DomainError.nonexistentLocalTime(time: "2026-10-04 02:15", zone: "Australia/Lord_Howe", from: "02:00", to: "02:30")) {
            try lordHowe.resolve(time("2026-10-04 02:15"))
        }
    }

    @Test func aRepeatedTimeIsTheFirstWithANote() throws {
        let madrid = try LocalClock(timeZone: "Europe/Madrid")
        let resolved = try madrid.resolve(time("2026-10-25 02:30"))
        #expect(resolved.instant == 1_792_888_200)   // 2026-10-25 00:30 UTC, still summer time
        let note = try #require(resolved.note)
        #expect(note.text(.en) == "2026-10-25 02:30 happens twice in Europe/Madrid (that night the clocks go back from 03:00 to 02:00): taking the first, at UTC+02:00")
        #expect(note.text(.es).contains("ocurre dos veces"))
        // An ordinary time in a zone without clock changes has one instant and no note.
        let caracas = try LocalClock(timeZone: "America/Caracas")
        #expect(try caracas.resolve(time("2026-12-01 14:00")) == (1_796_148_000, nil))
    }

    /// The same through the command line: sessions and shifts, exit codes, one line, nothing stored.
    @Test func sessionsAndShiftsAtSkippedOrRepeatedTimes() throws {
        let cli = try CLI()
        try #require(try cli.run(arguments: ["import"] + CurriculumCommandTests.packs).code == 0)
        try #require(try cli.run("plant", "add", "Planta", "--state", "Madrid").code == 0)
        try #require(try cli.run("person", "add", "Ana Rivas").code == 0)
        try #require(try cli.run("battle", "add", "Primavera", "--plant", "Planta", "--start", "2026-03-27", "--end", "2026-03-31",
                                 "--time-zone", "Europe/Madrid").code == 0)
        try #require(try cli.run("battle", "add", "Otoño", "--plant", "Planta", "--start", "2026-10-23", "--end", "2026-10-27",
                                 "--time-zone", "Europe/Madrid").code == 0)
        let skipped = try cli.run("session", "add", "--battle", "Primavera", "--workshop", "proportion-by-eye", "--start", "2026-03-29 02:30",
                                  "--end", "2026-03-29 04:30", "--place", "Taller", "--facilitator", "Ana Rivas", "--force")
        #expect(skipped.code == 65)
        #expect(skipped.stderr == "formation: error: 2026-03-29 02:30 does not exist in Europe/Madrid: that night the clocks jump from 02:00 to 03:00; type a time before 02:00 or from 03:00 on\n")
        let shift = try cli.run("shift", "add", "--battle", "Primavera", "--person", "Ana Rivas", "--start", "2026-03-28 22:00", "--end", "2026-03-29 02:15")
        #expect(shift.code == 65)
        #expect(shift.stderr.contains("2026-03-29 02:15 does not exist in Europe/Madrid"))
        let sessions = try #require(try cli.json("session", "list", "--battle", "Primavera") as? [[String: Any]])
        #expect(sessions.isEmpty)

        let repeated = try cli.run("session", "add", "--battle", "Otoño", "--workshop", "proportion-by-eye", "--start", "2026-10-25 02:30",
                                   "--end", "2026-10-25 04:30", "--place", "Taller", "--facilitator", "Ana Rivas", "--force")
        #expect(repeated.code == 0, "\(repeated.stderr)")
        #expect(repeated.stderr.contains("formation: 2026-10-25 02:30 happens twice in Europe/Madrid"))
        let autumn = try #require(try cli.json("session", "list", "--battle", "Otoño") as? [[String: Any]])
        // The first 02:30 is summer time; 04:30 is winter time: a three-hour session, as it really lasts.
        #expect(autumn.first?["start"] as? String == "2026-10-25T02:30:00+02:00")
        #expect(autumn.first?["end"] as? String == "2026-10-25T04:30:00+01:00")
        let nightShift = try cli.run("shift", "add", "--battle", "Otoño", "--person", "Ana Rivas", "--start", "2026-10-24 22:00", "--end", "2026-10-25 02:15")
        #expect(nightShift.code == 0)
        #expect(nightShift.stderr.contains("2026-10-25 02:15 happens twice"))
    }
}
