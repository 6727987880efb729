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
// - what its people attended and taught: `participation_person (personId, sessionId, role, status)`,
//   then the session primary key (one lookup per participation of those people up to the battle,
//   aggregated in SQL);
// - which other battles' sessions at the same time they are in: `session_start (start)`, then the
//   participation primary key;
// - shifts: `shift_person (personId, start)`.

/// A workshop as the conflict rules see it: its size limit and prerequisites, without its texts.
public struct WorkshopLimits: Sendable, Equatable {
    public let maxParticipants: Int
    public let minParticipants: Int
    public let minutes: Int
    /// As stored: a bare id means one in the same curriculum.
    public let prerequisites: [WorkshopRef]
}

/// What some people learned and taught, anywhere and in any battle, in sessions not cancelled, with
/// when, as far as a battle's rules ask (`ScheduleTransaction.knowledge(of:in:facilitators:battle:by:)`).
public struct PeopleKnowledge: Sendable, Equatable {
    /// Each workshop asked about that each person attended or taught, with the end of the first such session.
    public var experience = Experience()
    /// For each facilitator asked about, the earliest end of a session they taught (not marked absent)
    /// in another battle than the one asked about: a new facilitator had taught nowhere else before.
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

    /// People numbered by their place in the list (`people.n`), bound from parameter `first` on.
    private static func numbered(_ count: Int, from first: Int) -> String {
        "people(n, id) AS (VALUES \((0..<count).map { "(\($0), ?\($0 + first))" }.joined(separator: ", ")))"
    }

    /// For some people (numbered, see `numbered`), each of some workshops (`curriculum/workshop`) they
    /// attended (0) or taught (1) in a session not cancelled that ended by an instant, with the end of
    /// the first. Parameters: ?1 the instant, then the workshops, then the people. The workshops are
    /// compared as text, which no index serves: the query is driven by the people (a national
    /// workshop's sessions are tens of thousands).
    static func experience(people count: Int, workshops: Int) -> String {
        """
            WITH \(numbered(count, from: 2 + workshops)), wanted(key) AS (VALUES \((0..<workshops).map { "(?\($0 + 2))" }.joined(separator: ", ")))
            SELECT people.n, participation.role = 'facilitator', session.curriculumId || '/' || session.workshopId,
                   MIN(session."end")
            FROM people
            JOIN participation ON participation.personId = people.id
            JOIN session ON session.id = participation.sessionId
            WHERE (\(LearningSQL.attended()) OR \(LearningSQL.taught()))
              AND session.cancelled = 0 AND session."end" <= ?1
              AND session.curriculumId || '/' || session.workshopId IN wanted
            GROUP BY people.n, participation.role, session.curriculumId, session.workshopId
            """
    }

    /// For some people (numbered, see `numbered`), the end of the first session they taught in a
    /// battle other than ?1, among those not cancelled that ended by ?2. Then the people.
    static func firstTaughtElsewhere(_ count: Int) -> String {
        """
        WITH \(numbered(count, from: 3))
        SELECT people.n, MIN(session."end")
        FROM people
        JOIN participation ON participation.personId = people.id
        JOIN session ON session.id = participation.sessionId
        WHERE \(LearningSQL.taught()) AND session.cancelled = 0 AND session.battleId != ?1 AND session."end" <= ?2
        GROUP BY people.n
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

    /// What `people` had attended and taught of `workshops` in sessions not cancelled that ended by
    /// `instant`, with when each first did (`Experience`), and their qualifications; and for
    /// `facilitators`, the end of the first session they taught in a battle other than `battle`, if
    /// it ended by `instant`. Aggregated in SQL: one row per person, role and workshop, not one per
    /// participation of their whole history (a veteran's runs to hundreds).
    ///
    /// What is left out is never asked: the rules judge a session as of its start, so `instant` (the
    /// last start of the battle) bounds every question, and they ask only about a session's
    /// workshop and its prerequisites.
    public func knowledge(of people: some Collection<EntityID>, in workshops: Set<WorkshopRef>, facilitators: Set<EntityID>,
                          battle: EntityID, by instant: Int64) throws -> PeopleKnowledge {
        var knowledge = PeopleKnowledge()
        var refs: [String: WorkshopRef] = [:]   // by `curriculum/workshop`
        for ref in workshops { if let curriculum = ref.curriculum { refs[curriculum.rawValue + "/" + ref.workshop.rawValue] = ref } }
        if !refs.isEmpty {
            let keys = Array(refs.keys)
            for chunk in idChunks(people) {
                let ids = chunk.map(EntityID.init(trusted:))
                let sql = BattleCheckSQL.experience(people: chunk.count, workshops: keys.count)
                let arguments = [instant] + StatementArguments(keys) + StatementArguments(chunk)
                let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
                while let row = try rows.next() {
                    let key: String = row[2]
                    guard let ref = refs[key] else { continue }
                    if row[1] as Bool {
                        knowledge.experience.addTaught(ids[row[0] as Int], ref, end: row[3])
                    } else {
                        knowledge.experience.addAttended(ids[row[0] as Int], ref, end: row[3])
                    }
                }
            }
        }
        for chunk in idChunks(facilitators) {
            let ids = chunk.map(EntityID.init(trusted:))
            let rows = try Row.fetchCursor(db, sql: BattleCheckSQL.firstTaughtElsewhere(chunk.count),
                                           arguments: [battle.rawValue, instant] + StatementArguments(chunk))
            while let row = try rows.next() { knowledge.firstTaughtElsewhere[ids[row[0] as Int]] = row[1] }
        }
        try addQualifications(of: people, to: &knowledge.experience)
        return knowledge
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
        for chunk in idChunks(people) {
            let rows = try Row.fetchCursor(db, sql: BattleCheckSQL.shifts(chunk.count), arguments: StatementArguments(chunk) + [end, start])
            while let row = try rows.next() { result[EntityID(trusted: row[0]), default: []].append((row[1], row[2])) }
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
