import FormationDomain
import FormationStorage
import Foundation
import Testing
@testable import FormationUseCases

/// Prior learning recognised counts as knowing a workshop: it meets a prerequisite, opens what
/// follows, and ranks its holder among the facilitators; and a session held below its workshop's
/// minimum is shown, never refused. Every instant here is fixed.
@Suite struct PriorLearningRulesTests {
    /// 2026-11-20 12:00 UTC: before the battle, when the recognitions are recorded.
    static let before: Int64 = 1_795_176_000
    /// 2031-06-15 12:00 UTC: long after the battle, when every session of it has been held.
    static let after: Int64 = 1_939_291_200

    @Test func aQualifiedPrerequisiteIsMetAndOpensWhatFollows() throws {
        let f = try BattleFixture()
        let qualifications = Qualifications(store: f.store)
        _ = try qualifications.qualify(person: "Beto Salazar", workshops: ["proportion-by-eye", "orthographic-views"], note: "dibujante técnico",
                                       by: nil, now: Self.before)
        _ = try qualifications.qualify(person: "Carla Mendoza", workshops: ["orthographic-views"], note: nil, by: nil, now: Self.before)
        let views = try f.addSession("orthographic-views", "2026-12-02 09:00", "2026-12-02 11:30", place: "Taller", facilitator: "Carla Mendoza",
                                     force: false).ids[0]
        let people = try ["Beto Salazar", "Darío Pérez"].map { try f.store.resolve(.person, $0) }
        #expect(throws: Never.self) { try f.attend(views, [people[0]]) }
        let darío = refusal { try f.attend(views, [people[1]]) }
        #expect(darío.contains { $0.contains("Darío Pérez has not attended the prerequisite freehand-drawing/proportion-by-eye") }, "\(darío)")

        let history = try LearningHistory.load(f.store, person: "Beto Salazar", now: Self.before)
        #expect(history.recognised.map(\.workshop.description) == ["freehand-drawing/orthographic-views", "freehand-drawing/proportion-by-eye"])
        #expect(history.recognised.allSatisfy { $0.note == "dibujante técnico" })
        // What it opens up: isometric sketching needs orthographic views.
        #expect(history.readyFor.contains { $0.ref.description == "freehand-drawing/isometric-sketch" })
        #expect(try LearningHistory.load(f.store, person: "Elena Bravo", now: Self.before).recognised.isEmpty)

        // After the battle Carla has taught it: first; Beto, recognised only, next.
        let facilitators = try WorkshopFacilitators.load(f.store, workshop: "orthographic-views", near: nil, now: Self.after)
        #expect(facilitators.candidates.map(\.candidate.name) == ["Carla Mendoza", "Beto Salazar"])
        #expect(facilitators.candidates.allSatisfy { $0.candidate.qualified })
    }

    @Test func aHeldSessionBelowItsMinimumIsShownNeverRefused() throws {
        let f = try BattleFixture()
        _ = try Qualifications(store: f.store).qualify(person: "Ana Rivas", workshops: ["proportion-by-eye"], note: nil, by: nil, now: Self.before)
        let session = try f.addSession("proportion-by-eye", "2026-12-01 09:00", "2026-12-01 11:00", place: "Taller", facilitator: "Ana Rivas",
                                       force: false).ids[0]
        let people = try ["Beto Salazar", "Carla Mendoza", "Darío Pérez"].map { try f.store.resolve(.person, $0) }
        func mark(_ who: [EntityID], _ status: AttendanceStatus) throws {
            _ = try f.scheduling.attend(session: session.rawValue, entries: who.map { AttendanceEntry(person: $0.rawValue, status: status) },
                                        role: nil, force: false)
        }
        try f.attend(session, people)
        // Darío is off sick ahead of time: planning, not a session held.
        try mark([people[2]], .absent)
        #expect(try f.checked().isEmpty)
        #expect(throws: Never.self) { try mark([people[0], people[1]], .attended) }
        let below = try f.checked()
        #expect(below.map(\.kind) == [.belowMinimum])
        #expect(below.first?.text == "2 participants came, fewer than the workshop's minimum of 3", "\(below)")
        let report = try BattleReport.load(f.store, battle: BattleFixture.battle, now: Self.after)
        let spanish = report.conflicts.flatMap { s in s.conflicts.map { $0.conflict.message(s.names).text(.es) } }
        #expect(spanish.contains { $0.contains("vinieron 2 participantes, menos que el mínimo de 3 del taller") }, "\(spanish)")
        // Darío came after all: three, the minimum.
        try mark([people[2]], .attended)
        #expect(try f.checked().isEmpty)
    }
}
