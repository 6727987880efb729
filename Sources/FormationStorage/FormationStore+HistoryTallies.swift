public import FormationDomain
internal import GRDB

// What a learning history shows of each session: who taught it, how many registered and
// attended. A veteran's history has ~330 sessions of ~13 people each: reading every participation
// with its person and plant by column name cost 33,000 instructions a row (144 M of the command's
// 326 M, callgrind). Counts come from the participation primary key alone, names only for the
// facilitators, columns by position.

/// One session as a history lists it.
public struct SessionTally: Sendable, Equatable {
    /// Facilitators not marked absent, by name then id.
    public var facilitators: [PersonName] = []
    /// Participants registered (any status), and those who attended.
    public var participants = 0
    public var attended = 0

    public init() {}
}

enum HistoryTallySQL {
    static func counts(_ count: Int) -> String {
        """
        SELECT sessionId, sum(role = 'participant'), sum(role = 'participant' AND status = 'attended')
        FROM participation WHERE sessionId IN (\(placeholders(count))) GROUP BY sessionId
        """
    }

    static func facilitators(_ count: Int) -> String {
        """
        SELECT participation.sessionId, participation.personId, person.name
        FROM participation JOIN person ON person.id = participation.personId
        WHERE participation.sessionId IN (\(placeholders(count))) AND participation.role = 'facilitator'
          AND participation.status != 'absent'
        ORDER BY participation.sessionId, person.name, person.id
        """
    }
}

extension ScheduleTransaction {
    /// Each of `sessions` as a history shows it (sessions without participations are left out).
    public func tallies(ofSessions sessions: some Collection<EntityID>) throws -> [EntityID: SessionTally] {
        var result: [EntityID: SessionTally] = [:]
        result.reserveCapacity(sessions.count)
        for chunk in idChunks(sessions) {
            let counts = try Row.fetchCursor(db, sql: HistoryTallySQL.counts(chunk.count), arguments: StatementArguments(chunk))
            while let row = try counts.next() {
                result[EntityID(trusted: row[0]), default: SessionTally()].participants = row[1]
                result[EntityID(trusted: row[0]), default: SessionTally()].attended = row[2]
            }
            let names = try Row.fetchCursor(db, sql: HistoryTallySQL.facilitators(chunk.count), arguments: StatementArguments(chunk))
            while let row = try names.next() {
                result[EntityID(trusted: row[0]), default: SessionTally()].facilitators.append(.named(EntityID(trusted: row[1]), row[2]))
            }
        }
        return result
    }
}
