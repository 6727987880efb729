import FormationDomain
import FormationStorage
import Foundation
import Testing
@testable import FormationUseCases

/// The rules `session add` meets: a hard conflict is refused naming both sides, a soft one needs
/// `force` and is then recorded, and a cancelled session holds neither its people nor its place.
@Suite struct SessionRulesTests {
    @Test func hardConflictsAreRefusedNamingBothSides() throws {
        let f = try BattleFixture()
        let first = try f.addSession("proportion-by-eye", "2026-12-01 09:00", "2026-12-01 11:00", place: "Taller", facilitator: "Ana Rivas")
        let twice = refusal { try f.addSession("lockout-tagout", "2026-12-01 10:00", "2026-12-01 12:00", place: "Patio", facilitator: "Ana Rivas") }
        #expect(twice.contains { $0.contains("Ana Rivas is already in another session at that time: freehand-drawing/proportion-by-eye @ Taller, 2026-12-01 09:00–11:00 [\(first.ids[0].short)]") },
                "\(twice)")
        let outside = refusal { try f.addSession("lockout-tagout", "2026-12-06 10:00", "2026-12-06 12:00", place: "Patio", facilitator: "Beto Salazar") }
        #expect(outside.contains { $0.contains("outside the battle's days (2026-12-01 to 2026-12-05)") }, "\(outside)")
        let backwards = refusal { try f.addSession("lockout-tagout", "2026-12-02 12:00", "2026-12-02 10:00", place: "Patio", facilitator: "Beto Salazar") }
        #expect(!backwards.isEmpty)
        let unknown = refusal { try f.addSession("no-such-workshop", "2026-12-02 10:00", "2026-12-02 12:00", place: "Patio", facilitator: "Beto Salazar") }
        #expect(unknown.contains { $0.contains("no workshop matches 'no-such-workshop'") }, "\(unknown)")
        let nobody = refusal { try f.addSession("lockout-tagout", "2026-12-02 10:00", "2026-12-02 12:00", place: "Patio", facilitator: "Nadie") }
        #expect(!nobody.isEmpty)
        #expect(try Timetable.load(f.store, battle: BattleFixture.battle).sessions.count == 1, "refused sessions must not be written")
    }

    @Test func softConflictsNeedForceAndAreRecorded() throws {
        let f = try BattleFixture()
        let unforced = refusal { try f.addSession("proportion-by-eye", "2026-12-01 09:00", "2026-12-01 11:00", place: "Taller", facilitator: "Ana Rivas", force: false) }
        #expect(!unforced.isEmpty && unforced.allSatisfy { $0.contains("--force") }, "\(unforced)")
        try f.addSession("proportion-by-eye", "2026-12-01 09:00", "2026-12-01 11:00", place: "Taller", facilitator: "Ana Rivas")
        let samePlace = refusal { try f.addSession("lockout-tagout", "2026-12-01 10:00", "2026-12-01 12:00", place: "taller", facilitator: "Beto Salazar", force: false) }
        #expect(samePlace.contains { $0.contains("the place 'Taller' is taken at that time by freehand-drawing/proportion-by-eye @ Taller") }, "\(samePlace)")
        let forced = try f.addSession("lockout-tagout", "2026-12-01 10:00", "2026-12-01 12:00", place: "taller", facilitator: "Beto Salazar")
        #expect(!forced.recorded.isEmpty)
        let kinds = try f.checked().map(\.kind)
        #expect(kinds.contains(.placeDoubleBooked))
        #expect(kinds.contains(.inexperiencedFacilitator))
    }

    @Test func cancelledSessionFreesItsPlace() throws {
        let f = try BattleFixture()
        let first = try f.addSession("proportion-by-eye", "2026-12-01 09:00", "2026-12-01 11:00", place: "Taller", facilitator: "Ana Rivas")
        _ = try f.scheduling.cancel(session: first.ids[0].rawValue)
        #expect(throws: Never.self) {
            try f.addSession("lockout-tagout", "2026-12-01 09:00", "2026-12-01 11:00", place: "Taller", facilitator: "Ana Rivas")
        }
        let sessions = try Timetable.load(f.store, battle: BattleFixture.battle).sessions
        #expect(sessions.map(\.session.cancelled).sorted { !$0 && $1 } == [false, true])
    }

    /// The recorded conflict of a forced session reads as `formation` prints it.
    @Test func aForcedFirstTimeFacilitatorIsRecordedByName() throws {
        let f = try BattleFixture()
        let drawing = try f.addSession("proportion-by-eye", "2026-12-01 14:00", "2026-12-01 16:00", place: "Taller mecánico", facilitator: "Ana Rivas")
        #expect(recordedLines(drawing).contains("recorded conflict: Ana Rivas has never attended nor taught freehand-drawing/proportion-by-eye"),
                "\(recordedLines(drawing))")
        #expect(try f.checked().contains { $0.kind == .inexperiencedFacilitator && $0.forced && $0.text.hasPrefix("Ana Rivas has never attended nor taught") })
    }
}
