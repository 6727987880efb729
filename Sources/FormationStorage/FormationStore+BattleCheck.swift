public import FormationDomain
internal import GRDB

// `battle check` and `battle report`: what the conflict rules need about a whole battle,
// read with a few set-based queries instead of several queries per session. Columns are read by
// position (`row[0]`), not by name: these loops run over thousands of rows, and a lookup by name
// costs a lowercased copy of the name and a search of the statement's columns per value.
//
// Indexes each query relies on:
// - the battle's sessions and people: `session_battle (battleId, start)`, then the participation
//   primary key and the person primary key;
// - what its people attended and taught, and which other battles' sessions at the same time they are
//   in: `participation_person (personId, sessionId, role, status)`, then the session primary key (one
//   lookup per participation of those people, their whole history: most of the cost of a check);
// - shifts: `shift_person (personId, start)`.

/// A workshop as the conflict rules see it: its size limit and prerequisites, without its texts.
public struct WorkshopLimits: Sendable, Equatable {
    public let maxParticipants: Int
    public let minParticipants: Int
    public let minutes: Int
    /// As stored: a bare id means one in the same curriculum.
    public let prerequisites: [WorkshopRef]
}

/// What some people learned and taught, anywhere and in any battle, in sessions not cancelled, with when.
public struct PeopleKnowledge: Sendable, Equatable {
    /// Each workshop each person attended or taught, with the end of the first such session.
    public var experience = Experience()
    /// For each person, the earliest end of a session they taught (not marked absent) in another
    /// battle than the one asked about: a new facilitator had taught nowhere else before.
    public var firstTaughtElsewhere: [EntityID: Int64] = [:]

    public init() {}
}

/// A session of another battle with the people (among those asked about) who are in it.
public struct SharedSession: Sendable, Equatable {
    public let session: Session
    public let people: Set<EntityID>
}

enum BattleCheckSQL {
    static let sessionColumns = """
        session.id, session.battleId, session.curriculumId, session.workshopId, session.start, session."end", \
        session.place, session.cancelled
        """

    static let battleSessions = """
        SELECT \(sessionColumns) FROM session WHERE battleId = ? ORDER BY start, place, id
        """

    /// Everyone in the battle's sessions, by session, then name and id (the order of `participations(of:)`).
    static let battleParticipations = """
        SELECT participation.sessionId, participation.personId, participation.role, participation.status, person.name
        FROM session
        JOIN participation ON participation.sessionId = session.id
        JOIN person ON person.id = participation.personId
        WHERE session.battleId = ?
        ORDER BY participation.sessionId, person.name, person.id
        """

    /// What a row of `peopleParticipations` says about its person, in its second column.
    enum RowKind: Int {
        /// `LearningSQL.attended`.
        case attended = 0
        /// `LearningSQL.taught`.
        case taught = 1
        /// Neither: only in a session of another battle in the time range.
        case shared = 2
    }

    /// Every participation of some people (numbered `people.n`, their place in the list bound, so that
    /// thousands of rows carry a number rather than a copy of their id) that says what they attended
    /// or taught, or that is in a session of another battle in a time range (`RowKind`), with the
    /// session's end. Such a session's id comes in the last column, null
    /// otherwise. Parameters: ?1 the battle, ?2 range end, ?3 earliest start, ?4 range start, then the people.
    static func peopleParticipations(_ count: Int) -> String {
        let shared = #"session.battleId != ?1 AND session.start < ?2 AND session.start >= ?3 AND session."end" > ?4"#
        return """
            WITH people(n, id) AS (VALUES \((0..<count).map { "(\($0), ?\($0 + 5))" }.joined(separator: ", ")))
            SELECT people.n,
                   CASE WHEN \(LearningSQL.attended()) THEN \(RowKind.attended.rawValue)
                        WHEN \(LearningSQL.taught()) THEN \(RowKind.taught.rawValue)
                        ELSE \(RowKind.shared.rawValue) END,
                   session.curriculumId || '/' || session.workshopId, session.battleId = ?1, session."end",
                   CASE WHEN \(shared) THEN session.id END
            FROM people
            JOIN participation ON participation.personId = people.id
            JOIN session ON session.id = participation.sessionId
            WHERE session.cancelled = 0
              AND (\(LearningSQL.attended()) OR \(LearningSQL.taught()) OR (\(shared)))
            """
    }

    static func sessions(_ count: Int) -> String {
        "SELECT \(sessionColumns) FROM session WHERE id IN (\(placeholders(count)))"
    }

    static func shifts(_ count: Int) -> String {
        """
        SELECT personId, start, "end" FROM shift WHERE personId IN (\(placeholders(count))) AND start < ? AND "end" > ?
        ORDER BY personId, start, rowid
        """
    }

    static let workshopLimits = """
        SELECT maxParticipants, minutes, minParticipants FROM workshop WHERE curriculumId = ? AND id = ?
        """

    /// One row per language of the title (one row of nulls when it has none).
    static let workshopHeading = """
        SELECT workshop.category, json_extract(variant.value, '$.language'), json_extract(variant.value, '$.text')
        FROM workshop LEFT JOIN json_each(workshop.content, '$.title.variants') AS variant
        WHERE workshop.curriculumId = ? AND workshop.id = ?
        ORDER BY variant.key
        """

    static let prerequisites = """
        SELECT requiredCurriculumId, requiredWorkshopId FROM prerequisite
        WHERE curriculumId = ? AND workshopId = ? ORDER BY position
        """
}

extension ScheduleTransaction {
    /// Every session of a battle (cancelled ones too), in order of start, place and id, each with
    /// everyone in it (any role, any status) by name and id.
    public func sessionsWithNames(ofBattle battle: EntityID) throws -> [(session: Session, people: [ParticipationEntry])] {
        let sessions = try Row.fetchAll(db, sql: BattleCheckSQL.battleSessions, arguments: [battle.rawValue]).map(Self.sessionByPosition)
        var people: [String: [ParticipationEntry]] = [:]
        let rows = try Row.fetchCursor(db, sql: BattleCheckSQL.battleParticipations, arguments: [battle.rawValue])
        var current = "", list: [ParticipationEntry] = []
        while let row = try rows.next() {
            let sessionID: String = row[0]
            if sessionID != current {
                if !list.isEmpty { people[current] = list }
                current = sessionID
                list = []
            }
            list.append(ParticipationEntry(
                participation: Participation(session: EntityID(trusted: sessionID), person: EntityID(trusted: row[1]),
                                             role: try stored(row[2], column: "participation.role"),
                                             status: try stored(row[3], column: "participation.status")),
                name: row[4]))
        }
        if !list.isEmpty { people[current] = list }
        return sessions.map { ($0, people[$0.id.rawValue] ?? []) }
    }

    /// What `people` attended and taught, with when, in sessions not cancelled of any battle (and their
    /// qualifications), and the
    /// sessions not cancelled of battles other than `battle` that may overlap `[start, end)` (they start
    /// before `end`, at most `Session.maximumSeconds` before `start`, and end after `start`) with those
    /// of `people` in each, in order of start and id.
    ///
    /// One pass over the people's participations, each with its session (the session lookup is most of
    /// the cost; reading the rows twice would pay it twice).
    public func participations(of people: some Collection<EntityID>, battle: EntityID,
                               overlapping start: Int64, _ end: Int64) throws -> (knowledge: PeopleKnowledge, shared: [SharedSession]) {
        var knowledge = PeopleKnowledge()
        var sharedPeople: [String: Set<EntityID>] = [:]
        var refs: [String: WorkshopRef] = [:]   // one WorkshopRef per `curriculum/workshop` text
        for chunk in idChunks(people) {
            let ids = chunk.map(EntityID.init(trusted:))
            let arguments: StatementArguments = [battle.rawValue, end, start - Session.maximumSeconds, start]
            let rows = try Row.fetchCursor(db, sql: BattleCheckSQL.peopleParticipations(chunk.count), arguments: arguments + StatementArguments(chunk))
            while let row = try rows.next() {
                let n: Int = row[0], kind = BattleCheckSQL.RowKind(rawValue: row[1]) ?? .shared
                let person = ids[n]
                if let session: String = row[5] { sharedPeople[session, default: []].insert(person) }
                guard kind != .shared else { continue }
                let key: String = row[2]
                let ref: WorkshopRef
                if let known = refs[key] {
                    ref = known
                } else {
                    let slash = key.firstIndex(of: "/") ?? key.endIndex   // slugs hold no slash
                    ref = WorkshopRef(curriculum: Slug(trusted: String(key[..<slash])),
                                      workshop: Slug(trusted: slash == key.endIndex ? "" : String(key[key.index(after: slash)...])))
                    refs[key] = ref
                }
                let sessionEnd: Int64 = row[4]
                if kind == .taught {
                    knowledge.experience.addTaught(person, ref, end: sessionEnd)
                    if !(row[3] as Bool), knowledge.firstTaughtElsewhere[person].map({ sessionEnd < $0 }) ?? true {
                        knowledge.firstTaughtElsewhere[person] = sessionEnd
                    }
                } else {
                    knowledge.experience.addAttended(person, ref, end: sessionEnd)
                }
            }
        }
        try addQualifications(of: people, to: &knowledge.experience)
        var sessions: [Session] = []
        for chunk in idChunks(sharedPeople.keys.map(EntityID.init(trusted:))) {
            sessions += try Row.fetchAll(db, sql: BattleCheckSQL.sessions(chunk.count), arguments: StatementArguments(chunk))
                .map(Self.sessionByPosition)
        }
        let shared = sessions.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
            .map { SharedSession(session: $0, people: sharedPeople[$0.id.rawValue] ?? []) }
        return (knowledge, shared)
    }

    /// The other battles' sessions not cancelled that overlap `[start, end)` and hold some of
    /// `people`, with those of them in each: all the hard rules need from outside the battle.
    ///
    /// Driven from the time window (`session_start`), not from the people: a record of 40,000 people
    /// would otherwise read every participation of each of them (their whole history) to find the
    /// few sessions that overlap (BENCHMARKS.md, record import).
    public func sharedSessions(of people: Set<EntityID>, battle: EntityID, overlapping start: Int64, _ end: Int64) throws -> [SharedSession] {
        let candidates = try Row.fetchAll(db, sql: """
            SELECT \(BattleCheckSQL.sessionColumns) FROM session
            WHERE start < ? AND start >= ? AND "end" > ? AND battleId != ? AND cancelled = 0 ORDER BY start, id
            """, arguments: [end, start - Session.maximumSeconds, start, battle.rawValue]).map(Self.sessionByPosition)
        let members = try db.cachedStatement(sql: "SELECT personId FROM participation WHERE sessionId = ?")
        var shared: [SharedSession] = []
        for session in candidates {
            let here = Set(try String.fetchAll(members, arguments: [session.id.rawValue]).map(EntityID.init(trusted:))).intersection(people)
            if !here.isEmpty { shared.append(SharedSession(session: session, people: here)) }
        }
        return shared
    }

    /// Shifts of `people` (any battle) that overlap `[start, end)`, by person, then start.
    public func shifts(ofEach people: some Collection<EntityID>, overlapping start: Int64, _ end: Int64) throws -> [EntityID: [(start: Int64, end: Int64)]] {
        var result: [EntityID: [(start: Int64, end: Int64)]] = [:]
        try forEachRow(inChunksOf: people, BattleCheckSQL.shifts, arguments: { StatementArguments($0) + [end, start] }) { row in
            result[EntityID(trusted: row[0]), default: []].append((row[1], row[2]))
        }
        return result
    }

    /// A stored workshop's limits and prerequisites without decoding its texts; nil when it is not stored.
    public func workshopLimits(_ curriculum: Slug, _ workshop: Slug) throws -> WorkshopLimits? {
        let arguments: StatementArguments = [curriculum.rawValue, workshop.rawValue]
        guard let row = try Row.fetchOne(db.cachedStatement(sql: BattleCheckSQL.workshopLimits), arguments: arguments) else { return nil }
        let prerequisites = try Row.fetchAll(db.cachedStatement(sql: BattleCheckSQL.prerequisites), arguments: arguments).map { row in
            let required: String = row[0]
            return WorkshopRef(curriculum: required == curriculum.rawValue ? nil : Slug(trusted: required), workshop: Slug(trusted: row[1]))
        }
        return WorkshopLimits(maxParticipants: row[0], minParticipants: row[2], minutes: row[1], prerequisites: prerequisites)
    }

    /// A stored workshop's title and category, reading only the title out of its JSON `content`
    /// (`{…, "title": {"variants": [{"language", "text"}…]}}`, see `WorkshopContent`); nil when it is not stored.
    public func workshopHeading(_ curriculum: Slug, _ workshop: Slug) throws -> (title: LocalizedText, category: WorkshopCategory)? {
        let rows = try Row.fetchAll(db.cachedStatement(sql: BattleCheckSQL.workshopHeading), arguments: [curriculum.rawValue, workshop.rawValue])
        guard let first = rows.first else { return nil }
        let variants = rows.compactMap { row -> LocalizedText.Variant? in
            guard let language: String = row[1], let text: String = row[2] else { return nil }
            return LocalizedText.Variant(language: language, text: text)
        }
        return (LocalizedText(variants), try stored(first[0], column: "workshop.category"))
    }

    // MARK: Rows

    /// A row of `BattleCheckSQL.sessionColumns`.
    static func sessionByPosition(_ row: Row) -> Session {
        Session(stored: EntityID(trusted: row[0]), battle: EntityID(trusted: row[1]),
                workshop: WorkshopRef(curriculum: Slug(trusted: row[2]), workshop: Slug(trusted: row[3])),
                start: row[4], end: row[5], place: row[6], cancelled: row[7])
    }

}
