import FormationDomain
import FormationStorage
import Foundation
import Testing
@testable import FormationUseCases

/// Merging two records of a person who were in sessions at the same time would make a hard
/// conflict: it is refused, naming the sessions, until one of them is cancelled.
@Suite struct PersonMergeConflictTests {
    @Test func mergingTwoPeopleInOverlappingSessionsIsRefusedNamingThem() throws {
        let f = try BattleFixture()
        let morning = try f.addSession("proportion-by-eye", "2026-12-01 09:00", "2026-12-01 11:00", place: "Taller", facilitator: "Ana Rivas").ids[0]
        let overlapping = try f.addSession("lockout-tagout", "2026-12-01 10:00", "2026-12-01 12:00", place: "Patio", facilitator: "Beto Salazar").ids[0]
        let later = try f.addSession("collective-diagnosis", "2026-12-02 14:00", "2026-12-02 17:00", place: "Comedor", facilitator: "Beto Salazar").ids[0]
        let before = try f.programme.people()

        let refused = refusal { try PersonMerge(store: f.store).run(keep: "Ana Rivas", drop: "Beto Salazar") }.joined(separator: "\n")
        #expect(refused.contains("Ana Rivas and Beto Salazar were in sessions at the same time"), "\(refused)")
        #expect(refused.contains("freehand-drawing/proportion-by-eye @ Taller, 2026-12-01 09:00–11:00 [\(morning.short)] ↔ "
                                 + "plant-maintenance/lockout-tagout @ Patio, 2026-12-01 10:00–12:00 [\(overlapping.short)]"), "\(refused)")
        #expect(!refused.contains(later.short))
        #expect(try f.programme.people() == before, "nothing merged")

        // Once the overlapping session is cancelled, the two records can become one.
        _ = try f.scheduling.cancel(session: overlapping.rawValue)
        #expect(throws: Never.self) { try PersonMerge(store: f.store).run(keep: "Ana Rivas", drop: "Beto Salazar") }
    }
}
