import FormationDomain
import Foundation
import Testing
@testable import FormationUseCases

/// Wall-clock times that a zone skips or shows twice: a session typed at 02:30 the night the clocks
/// jump from 02:00 to 03:00 does not exist and is refused; one typed at 02:30 the night they go back
/// happens twice and is taken as the first, saying so.
@Suite struct LocalClockTests {
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
}
