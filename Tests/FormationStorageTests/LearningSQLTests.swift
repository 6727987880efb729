import Testing
import FormationDomain
@testable import FormationStorage
import GRDB

/// The SQL words for "attended" and "taught" say what `LearningRules` says, for every role and status.
@Suite struct LearningSQLTests {
    @Test func sqlAgreesWithTheRulesForEveryRoleAndStatus() throws {
        let store = try FormationStore.inMemory()
        for role in Role.allCases {
            for status in AttendanceStatus.allCases {
                let (attended, taught, planned) = try store.read { db in
                    let row = try Row.fetchOne(db, sql: """
                        SELECT \(LearningSQL.attended("p")), \(LearningSQL.taught("p")), \(LearningSQL.planned("p")) FROM (SELECT ? AS role, ? AS status) AS p
                        """, arguments: [role.rawValue, status.rawValue])
                    return (row?[0] as Bool?, row?[1] as Bool?, row?[2] as Bool?)
                }
                #expect(attended == LearningRules.attended(role: role, status: status), "\(role) \(status)")
                #expect(taught == LearningRules.taught(role: role, status: status), "\(role) \(status)")
                #expect(planned == LearningRules.planned(role: role, status: status), "\(role) \(status)")
            }
        }
    }
}
