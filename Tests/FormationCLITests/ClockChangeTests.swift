import Foundation
import Testing

/// Wall-clock times that a zone skips or shows twice, through the command line: exit codes, one
/// line, nothing stored. How the clock reads them is tested on the use cases
/// (FormationUseCasesTests/LocalClockTests.swift).
@Suite struct ClockChangeTests {
    /// Sessions and shifts at a skipped time are refused; at a repeated one, taken as the first with a note.
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
