import Foundation
import Testing

/// Issue 15, item 16: merging two records of a person who were in sessions at the same time would
/// make a hard conflict; it is refused, naming the sessions.
@Suite struct PersonMergeConflictTests {
    @Test func mergingTwoPeopleInOverlappingSessionsIsRefusedNamingThem() throws {
        let cli = try BattleCommandTests().battle()
        let tests = BattleCommandTests()
        let morning = try tests.addSession(cli, "proportion-by-eye", "2026-12-01 09:00", "2026-12-01 11:00", place: "Taller", facilitator: "Ana Rivas")
        let overlapping = try tests.addSession(cli, "lockout-tagout", "2026-12-01 10:00", "2026-12-01 12:00", place: "Patio", facilitator: "Beto Salazar")
        let later = try tests.addSession(cli, "collective-diagnosis", "2026-12-02 14:00", "2026-12-02 17:00", place: "Comedor", facilitator: "Beto Salazar")
        try #require([morning, overlapping, later].allSatisfy { $0.code == 0 })
        let before = try cli.run("person", "list", "--format", "json").stdout

        let refused = try cli.run("person", "merge", "Ana Rivas", "Beto Salazar")
        #expect(refused.code == 65)
        #expect(refused.stderr.contains("Ana Rivas and Beto Salazar were in sessions at the same time"), "\(refused.stderr)")
        #expect(refused.stderr.contains("freehand-drawing/proportion-by-eye @ Taller, 2026-12-01 09:00–11:00 [\(tests.id(morning))] ↔ "
                                        + "plant-maintenance/lockout-tagout @ Patio, 2026-12-01 10:00–12:00 [\(tests.id(overlapping))]"),
                "\(refused.stderr)")
        #expect(!refused.stderr.contains(tests.id(later)))
        #expect(try cli.run("person", "list", "--format", "json").stdout == before, "nothing merged")

        // Once the overlapping session is cancelled, the two records can become one.
        #expect(try cli.run("session", "cancel", tests.id(overlapping)).code == 0)
        let merged = try cli.run("person", "merge", "Ana Rivas", "Beto Salazar")
        #expect(merged.code == 0, "\(merged.stderr)")
    }
}
