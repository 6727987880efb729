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
//   then the session primary key, each search stopping at the first answer; within the battle's
//   time, `session_start (start)`, then the participation primary key;
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
/// when, as far as a battle's rules ask (`ScheduleTransaction.knowledge(asked:facilitators:people:battle:from:to:)`).
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

    /// For each (person, `curriculum/workshop`) pair asked (numbered `asked.n`, bound from ?2 on), one
    /// session of that workshop not cancelled that they attended or taught and that ended by ?1, as
    /// `end * 2 + 1` when taught, `end * 2` when attended; null when there is none. One is enough
    /// (`ScheduleTransaction.knowledge`), so each search stops at the first: a veteran's history is
    /// hundreds of sessions. The workshop is compared as text, which no index serves, so that each
    /// search is driven by the person (`participation_person`), never by a national workshop's sessions.
    static func knewBefore(_ count: Int) -> String {
        """
        WITH asked(n, person, key) AS (VALUES \((0..<count).map { "(\($0), ?\(2 * $0 + 2), ?\(2 * $0 + 3))" }.joined(separator: ", ")))
        SELECT asked.n, (
            SELECT session."end" * 2 + (participation.role = 'facilitator')
            FROM participation JOIN session ON session.id = participation.sessionId
            WHERE participation.personId = asked.person AND (\(LearningSQL.attended()) OR \(LearningSQL.taught()))
              AND session.cancelled = 0 AND session."end" <= ?1
              AND session.curriculumId || '/' || session.workshopId = asked.key
            LIMIT 1)
        FROM asked
        """
    }

    /// For some people (numbered `people.n`, bound from ?3 on), the end of one session they taught in
    /// a battle other than ?1, not cancelled, that ended by ?2; null when there is none.
    static func taughtElsewhereBefore(_ count: Int) -> String {
        """
        WITH people(n, id) AS (VALUES \((0..<count).map { "(\($0), ?\($0 + 3))" }.joined(separator: ", ")))
        SELECT people.n, (
            SELECT session."end" FROM participation JOIN session ON session.id = participation.sessionId
            WHERE participation.personId = people.id AND \(LearningSQL.taught())
              AND session.cancelled = 0 AND session.battleId != ?1 AND session."end" <= ?2
            LIMIT 1)
        FROM people
        """
    }

    /// Everyone who attended or taught a session not cancelled (of any battle) that ended after ?3 and
    /// by ?2, with the workshop (`curriculum/workshop`), its end and battle. ?1: ?3 less
    /// `Session.maximumSeconds`, so that `session_start` bounds the search.
    static let learnedWithin = """
        SELECT participation.personId, participation.role = 'facilitator', session.curriculumId || '/' || session.workshopId,
               session."end", session.battleId
        FROM session JOIN participation ON participation.sessionId = session.id
        WHERE session.start >= ?1 AND session.start < ?2 AND session."end" > ?3 AND session."end" <= ?2 AND session.cancelled = 0
          AND (\(LearningSQL.attended()) OR \(LearningSQL.taught()))
        """

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

    /// What the rules of a battle ask of its people, as of each session's start: whether each person
    /// had attended or taught each workshop `asked` (their session's, for a facilitator; its
    /// prerequisites, for a participant) by an instant from `first` (the battle's first start) to
    /// `last` (its last), and, for `facilitators`, when they first taught in another battle than
    /// `battle` (as far as `last`); with the qualifications of `people`.
    ///
    /// Not a pass over everyone's whole history (a veteran's runs to hundreds of sessions, and the
    /// session lookup of each row was most of a report's time): what ended by `first` answers for
    /// every start here, so one such session per question is looked for, and each search stops at
    /// the first; what ended from `first` to `last` is read from the sessions of that window
    /// (`session_start`), with exact ends. The `Experience` made holds, for each question, an end
    /// that gives the same answer as the earliest for every instant from `first` on.
    public func knowledge(asked: [(person: EntityID, workshop: WorkshopRef)], facilitators: Set<EntityID>,
                          people: some Collection<EntityID>, battle: EntityID, from first: Int64, to last: Int64) throws -> PeopleKnowledge {
        var knowledge = PeopleKnowledge()
        var refs: [String: WorkshopRef] = [:]   // by `curriculum/workshop`
        var wanted: [EntityID: Set<WorkshopRef>] = [:]
        var questions: [(person: EntityID, workshop: WorkshopRef, key: String)] = []
        for (person, ref) in asked {
            guard let curriculum = ref.curriculum, wanted[person, default: []].insert(ref).inserted else { continue }
            let key = curriculum.rawValue + "/" + ref.workshop.rawValue
            refs[key] = ref
            questions.append((person, ref, key))
        }
        for from in stride(from: 0, to: questions.count, by: 250) {
            let chunk = questions[from..<min(from + 250, questions.count)]
            var arguments: StatementArguments = [first]
            for question in chunk { arguments += [question.person.rawValue, question.key] }
            let rows = try Row.fetchCursor(db, sql: BattleCheckSQL.knewBefore(chunk.count), arguments: arguments)
            while let row = try rows.next() {
                guard let found: Int64 = row[1] else { continue }
                let question = chunk[from + (row[0] as Int)]
                if found & 1 == 1 {
                    knowledge.experience.addTaught(question.person, question.workshop, end: found >> 1)
                } else {
                    knowledge.experience.addAttended(question.person, question.workshop, end: found >> 1)
                }
            }
        }
        for chunk in idChunks(facilitators) {
            let rows = try Row.fetchCursor(db, sql: BattleCheckSQL.taughtElsewhereBefore(chunk.count),
                                           arguments: [battle.rawValue, first] + StatementArguments(chunk))
            while let row = try rows.next() {
                if let end: Int64 = row[1] { knowledge.firstTaughtElsewhere[EntityID(trusted: chunk[row[0] as Int])] = end }
            }
        }
        let rows = try Row.fetchCursor(db, sql: BattleCheckSQL.learnedWithin, arguments: [first - Session.maximumSeconds, last, first])
        while let row = try rows.next() {
            let person = EntityID(trusted: row[0]), taught: Bool = row[1], end: Int64 = row[3]
            if let ref = refs[row[2] as String], wanted[person]?.contains(ref) == true {
                if taught { knowledge.experience.addTaught(person, ref, end: end) } else { knowledge.experience.addAttended(person, ref, end: end) }
            }
            if taught, facilitators.contains(person), (row[4] as String) != battle.rawValue,
               knowledge.firstTaughtElsewhere[person].map({ end < $0 }) ?? true {
                knowledge.firstTaughtElsewhere[person] = end
            }
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
