import Testing
@testable import FormationStorage
import GRDB

/// The facilitator list's main query (issue 22) reads only the two indexes of migration v3: the
/// workshop's sessions with their times and ids, and the facilitator rows, never the tables.
@Suite struct FacilitatorStoreTests {
    let store = try! FormationStore.inMemory()

    @Test func teachersAreTalliedFromTheCoveringIndexesAlone() throws {
        for scope in [FacilitatorScope.everyone, .inStates(["Sucre"])] {
            let (sql, states) = FacilitatorSQL.scope(scope)
            let steps = try store.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + FacilitatorSQL.teachers(sql),
                                 arguments: StatementArguments(["c", "w", 0] + states)).map { $0["detail"] as String }
            }
            #expect(steps.contains { $0.hasPrefix("SEARCH s USING COVERING INDEX session_workshop_taught") }, "\(steps)")
            #expect(steps.contains { $0.hasPrefix("SEARCH p USING COVERING INDEX participation_facilitator (sessionId=?)") }, "\(steps)")
        }
    }
}
