import FormationDomain
import FormationStorage
import Foundation
import Testing
@testable import FormationUseCases

/// A repair shift over a session the person is in is the same soft conflict whichever is added
/// second, and a facilitator on shift is flagged like a participant.
@Suite struct ShiftRulesTests {
    /// The fixture's battle with Ana facilitating 21:00–23:00 on the 2nd.
    func battle() throws -> BattleFixture {
        let f = try BattleFixture()
        try f.addSession("proportion-by-eye", "2026-12-02 21:00", "2026-12-02 23:00", place: "Taller", facilitator: "Ana Rivas")
        return f
    }

    @Test func aShiftOverASessionIsSoftBothWays() throws {
        let f = try battle()
        let refused = refusal { try f.addShift(["Ana Rivas"], "2026-12-02 19:00", "2026-12-02 23:30") }
        #expect(refused.contains { $0.contains("Ana Rivas is on a repair shift from 2026-12-02 19:00 to 2026-12-02 23:30") }, "\(refused)")
        let forced = try f.addShift(["Ana Rivas"], "2026-12-02 19:00", "2026-12-02 23:30", force: true)
        #expect(recordedLines(forced).contains { $0.hasPrefix("recorded conflict: Ana Rivas is on a repair shift") }, "\(recordedLines(forced))")
        #expect(try f.checked().contains { $0.kind == .onShift && $0.forced && $0.text == "Ana Rivas is on a repair shift from 2026-12-02 19:00 to 2026-12-02 23:30" })
    }

    @Test func aFacilitatorOnShiftIsFlaggedWhenTheSessionIsAdded() throws {
        let f = try battle()
        try f.addShift(["Beto Salazar"], "2026-12-03 19:00", "2026-12-03 23:00")
        let session = refusal { try f.addSession("lockout-tagout", "2026-12-03 21:45", "2026-12-04 00:45", place: "Patio", facilitator: "Beto Salazar", force: false) }
        #expect(session.contains { $0.contains("Beto Salazar is on a repair shift from 2026-12-03 19:00 to 2026-12-03 23:00") }, "\(session)")
        // Off shift, the same facilitator is fine.
        let later = try f.addSession("lockout-tagout", "2026-12-04 09:00", "2026-12-04 12:00", place: "Patio", facilitator: "Beto Salazar")
        #expect(!recordedLines(later).contains { $0.contains("repair shift") })
    }
}
