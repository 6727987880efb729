import FormationDomain
import FormationStorage
import Foundation
import Testing
@testable import FormationUseCases

/// A session moved, re-placed or handed to other facilitators meets the rules of `session add`
/// again: a hard conflict is refused whatever `force` says, a soft one needs it and is recorded.
@Suite struct SessionEditRulesTests {
    func session(_ f: BattleFixture, at start: String = "2026-12-02 14:00", end: String = "2026-12-02 16:00", place: String = "Taller",
                 facilitator: String = "Ana Rivas") throws -> EntityID {
        try f.addSession("proportion-by-eye", start, end, place: place, facilitator: facilitator).ids[0]
    }

    func edit(_ f: BattleFixture, _ session: EntityID, _ changes: SessionChanges, force: Bool = false) throws -> EditOutcome {
        try f.scheduling.editSession(session.rawValue, changes, force: force)
    }

    @Test func aMovedSessionMeetsTheScheduleRulesAgain() throws {
        let f = try BattleFixture()
        let drawing = try session(f)
        let other = try session(f, at: "2026-12-03 08:00", end: "2026-12-03 10:00", place: "Patio", facilitator: "Beto Salazar")

        // A new start alone keeps the length; times typed the Venezuelan way.
        let moved = try edit(f, drawing, SessionChanges(start: "3/12/2026 15h"))
        #expect(moved.edited.text(.en) == "changed session freehand-drawing/proportion-by-eye @ Taller, 2026-12-03 15:00–17:00 [\(drawing.short)]: time 2026-12-02 14:00–16:00 → 2026-12-03 15:00–17:00")

        // Onto the other session's facilitator: hard, refused whatever force says; nothing written.
        let before = try Timetable.load(f.store, battle: BattleFixture.battle).sessions
        let hard = refusal { try edit(f, other, SessionChanges(start: "2026-12-03 16:00", facilitators: ["Ana Rivas"]), force: true) }
        #expect(hard.contains { $0.contains("Ana Rivas is already in another session at that time: freehand-drawing/proportion-by-eye @ Taller") }, "\(hard)")
        #expect(try Timetable.load(f.store, battle: BattleFixture.battle).sessions == before)

        // Into the same place at the same time: soft, needs force, then recorded as session add does.
        let soft = refusal { try edit(f, other, SessionChanges(start: "2026-12-03 15:00", place: "taller")) }
        #expect(soft.contains { $0.contains("soft conflict") }, "\(soft)")
        let forced = try edit(f, other, SessionChanges(start: "2026-12-03 15:00", place: "taller"), force: true)
        #expect(recordedLines(forced.schedule).contains { $0.hasPrefix("recorded conflict: the place 'Taller' is taken at that time by") },
                "\(recordedLines(forced.schedule))")
        #expect(forced.edited.text(.en).contains("place Patio → Taller"), "the place as the battle spells it: \(forced.edited.text(.en))")
        #expect(try f.checked().contains { $0.forced })

        // New facilitators replace the old ones; the workshop changes with the rules of add.
        let handed = try edit(f, drawing, SessionChanges(facilitators: ["Carla Mendoza", "Darío Pérez"]), force: true)
        #expect(handed.edited.text(.en).contains("facilitators Ana Rivas → Carla Mendoza, Darío Pérez"), "\(handed.edited.text(.en))")
        let workshop = try edit(f, drawing, SessionChanges(workshop: "plant-maintenance/lockout-tagout"), force: true)
        #expect(workshop.edited.text(.en).contains("workshop freehand-drawing/proportion-by-eye → plant-maintenance/lockout-tagout"))
        let outside = refusal { try edit(f, drawing, SessionChanges(start: "2026-12-07 08:00"), force: true) }
        #expect(outside.contains { $0.contains("outside the battle") }, "\(outside)")
    }
}
