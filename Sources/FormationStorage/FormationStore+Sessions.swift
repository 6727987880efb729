public import FormationDomain
internal import GRDB

/// A session as lists and timetables show it.
public struct SessionEntry: Sendable, Equatable {
    public let session: Session
    public let facilitators: [PersonName]
    public let participants: Int
    public let attended: Int

    public init(session: Session, facilitators: [PersonName], participants: Int, attended: Int) {
        self.session = session
        self.facilitators = facilitators
        self.participants = participants
        self.attended = attended
    }
}

public struct PersonName: Sendable, Equatable, Hashable {
    public let id: EntityID
    public let name: String
}

/// A participation with the person's name.
public struct ParticipationEntry: Sendable, Equatable {
    public let participation: Participation
    public let name: String
}

extension FormationStore {
    /// Runs `body` in one write transaction (BEGIN IMMEDIATE): reads that decide a conflict and the
    /// writes that follow cannot interleave with another facilitator's.
    public func inScheduleTransaction<T>(_ body: (ScheduleTransaction) throws -> T) throws -> T {
        try write { db in try body(ScheduleTransaction(db)) }
    }

    /// Read-only access to the same queries, for lists, checks and exports.
    public func reading<T>(_ body: (ScheduleTransaction) throws -> T) throws -> T {
        try read { db in try body(ScheduleTransaction(db)) }
    }
}

/// Queries and writes about sessions, participations and shifts on one connection.
public struct ScheduleTransaction {
    let db: Database
    let interruption: Interruption?

    init(_ db: Database, interruption: Interruption? = nil) {
        self.db = db
        self.interruption = interruption
    }

    public var curricula: CurriculumTransaction { CurriculumTransaction(db, interruption: interruption) }

    // MARK: Reading

    public func battle(_ id: EntityID) throws -> Battle? {
        try BattleRecord.fetchOne(db, key: id.rawValue)?.domain
    }

    public func personName(_ id: EntityID) throws -> String? {
        try String.fetchOne(db, sql: "SELECT name FROM person WHERE id = ?", arguments: [id.rawValue])
    }

    public func names(_ ids: some Collection<EntityID>) throws -> [EntityID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try Row.fetchAll(db, sql: "SELECT id, name FROM person WHERE id IN (\(placeholders(ids.count)))",
                                    arguments: StatementArguments(ids.map(\.rawValue)))
        return Dictionary(uniqueKeysWithValues: rows.map { (EntityID(trusted: $0["id"]), $0["name"]) })
    }

    /// The home plant's name of each of `people` who has one (for the printed sign-in sheet).
    public func plantNames(of people: some Collection<EntityID>) throws -> [EntityID: String] {
        var result: [EntityID: String] = [:]
        for chunk in idChunks(people) {
            for row in try Row.fetchAll(db, sql: """
                SELECT person.id, plant.name FROM person JOIN plant ON plant.id = person.plantId
                WHERE person.id IN (\(placeholders(chunk.count)))
                """, arguments: StatementArguments(chunk)) {
                result[EntityID(trusted: row["id"])] = row["name"]
            }
        }
        return result
    }

    public func session(_ id: EntityID) throws -> Session? {
        try Row.fetchOne(db, sql: "SELECT * FROM session WHERE id = ?", arguments: [id.rawValue]).map(Self.session)
    }

    /// Sessions of any battle, not cancelled, that overlap `[start, end)`, with the people in them.
    /// The places a battle's sessions use, each spelling once.
    public func places(ofBattle battle: EntityID) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT place FROM session WHERE battleId = ? ORDER BY place", arguments: [battle.rawValue])
    }

    public func sessionsOverlapping(start: Int64, end: Int64) throws -> [(session: Session, people: Set<EntityID>)] {
        let sessions = try Row.fetchAll(db, sql: """
            SELECT * FROM session WHERE start < ? AND start >= ? AND "end" > ? AND cancelled = 0 ORDER BY start, id
            """, arguments: [end, start - Session.maximumSeconds, start]).map(Self.session)
        return try sessions.map { session in
            let people = try String.fetchAll(db, sql: "SELECT personId FROM participation WHERE sessionId = ?", arguments: [session.id.rawValue])
            return (session, Set(people.map(EntityID.init(trusted:))))
        }
    }

    public func participations(of session: EntityID) throws -> [ParticipationEntry] {
        try Row.fetchAll(db, sql: """
            SELECT participation.*, person.name FROM participation JOIN person ON person.id = participation.personId
            WHERE sessionId = ? ORDER BY participation.role, person.name, person.id
            """, arguments: [session.rawValue]).map { row in
            ParticipationEntry(participation: Participation(
                session: EntityID(trusted: row["sessionId"]), person: EntityID(trusted: row["personId"]),
                role: try stored(row["role"], column: "participation.role"), status: try stored(row["status"], column: "participation.status")),
                name: row["name"])
        }
    }

    /// Shifts of `people` that overlap `[start, end)`.
    public func shifts(of people: some Collection<EntityID>, overlapping start: Int64, _ end: Int64) throws -> [Shift] {
        guard !people.isEmpty else { return [] }
        return try Row.fetchAll(db, sql: """
            SELECT * FROM shift WHERE personId IN (\(placeholders(people.count))) AND start < ? AND "end" > ? ORDER BY start
            """, arguments: StatementArguments(people.map(\.rawValue)) + [end, start]).map(Self.shift)
    }

    public func shifts(ofBattle battle: EntityID) throws -> [Shift] {
        try Row.fetchAll(db, sql: "SELECT * FROM shift WHERE battleId = ? ORDER BY start, personId", arguments: [battle.rawValue]).map(Self.shift)
    }

    /// What `people` attended (as participants marked attended) and taught (as facilitators not marked
    /// absent), in sessions not cancelled, each workshop with the end of the first such session: the
    /// rules judge a session by what ended before it started, whatever today's date. With their
    /// qualifications, and (with `battle`) the sessions of that battle they are registered in
    /// (`LearningRules.planned`).
    public func experience(of people: some Collection<EntityID>, plannedIn battle: EntityID? = nil) throws -> Experience {
        var experience = Experience()
        try addQualifications(of: people, to: &experience)
        if let battle {
            for chunk in idChunks(people) {
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT participation.personId, session.id, session.curriculumId, session.workshopId, session."end"
                    FROM participation JOIN session ON session.id = participation.sessionId
                    WHERE participation.personId IN (\(placeholders(chunk.count))) AND session.battleId = ? AND session.cancelled = 0
                      AND \(LearningSQL.planned())
                    """, arguments: StatementArguments(chunk) + [battle.rawValue])
                while let row = try rows.next() {
                    experience.addPlanned(EntityID(trusted: row[0]), WorkshopRef(curriculum: Slug(trusted: row[2]), workshop: Slug(trusted: row[3])),
                                          session: EntityID(trusted: row[1]), end: row[4])
                }
            }
        }
        for chunk in idChunks(people) {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT participation.personId, participation.role = 'facilitator', session.curriculumId, session.workshopId,
                       MIN(session."end")
                FROM participation JOIN session ON session.id = participation.sessionId
                WHERE participation.personId IN (\(placeholders(chunk.count))) AND session.cancelled = 0
                  AND (\(LearningSQL.attended()) OR \(LearningSQL.taught()))
                GROUP BY participation.personId, participation.role, session.curriculumId, session.workshopId
                """, arguments: StatementArguments(chunk))
            while let row = try rows.next() {
                let person = EntityID(trusted: row[0])
                let ref = WorkshopRef(curriculum: Slug(trusted: row[2]), workshop: Slug(trusted: row[3]))
                if row[1] as Bool {
                    experience.addTaught(person, ref, end: row[4])
                } else {
                    experience.addAttended(person, ref, end: row[4])
                }
            }
        }
        return experience
    }

    /// The sessions of a battle in time order, with facilitators and counts.
    public func sessions(ofBattle battle: EntityID, includeCancelled: Bool = true) throws -> [SessionEntry] {
        let sessions = try Row.fetchAll(db, sql: """
            SELECT * FROM session WHERE battleId = ? \(includeCancelled ? "" : "AND cancelled = 0") ORDER BY start, place, id
            """, arguments: [battle.rawValue]).map(Self.session)
        return try sessions.map { session in
            let rows = try Row.fetchAll(db, sql: """
                SELECT participation.personId, participation.role, participation.status, person.name
                FROM participation JOIN person ON person.id = participation.personId
                WHERE participation.sessionId = ? ORDER BY person.name, person.id
                """, arguments: [session.id.rawValue])
            let facilitators = rows.filter { ($0["role"] as String) == "facilitator" }
                .map { PersonName(id: EntityID(trusted: $0["personId"]), name: $0["name"]) }
            let participants = rows.filter { ($0["role"] as String) == "participant" }
            return SessionEntry(session: session, facilitators: facilitators, participants: participants.count,
                                attended: participants.filter { ($0["status"] as String) == "attended" }.count)
        }
    }

    public func recordedConflicts(ofBattle battle: EntityID) throws -> [RecordedConflict] {
        try Row.fetchAll(db, sql: """
            SELECT recordedConflict.* FROM recordedConflict JOIN session ON session.id = recordedConflict.sessionId
            WHERE session.battleId = ? ORDER BY session.start, recordedConflict.sessionId, kind
            """, arguments: [battle.rawValue]).map(Self.recordedConflict)
    }

    public func recordedConflicts(ofSession session: EntityID) throws -> [RecordedConflict] {
        try Row.fetchAll(db, sql: "SELECT * FROM recordedConflict WHERE sessionId = ? ORDER BY kind", arguments: [session.rawValue])
            .map(Self.recordedConflict)
    }

    /// Someone in the session (facilitator or participant) by exact name; the smallest id when two share it.
    public func personInSession(_ session: EntityID, named name: String) throws -> EntityID? {
        try String.fetchOne(db, sql: """
            SELECT person.id FROM participation JOIN person ON person.id = participation.personId
            WHERE participation.sessionId = ? AND person.name = ? ORDER BY person.id LIMIT 1
            """, arguments: [session.rawValue, name]).map { EntityID(trusted: $0) }
    }

    static func recordedConflict(_ row: Row) -> RecordedConflict {
        let person: String = row["personId"]
        return RecordedConflict(session: EntityID(trusted: row["sessionId"]), kind: row["kind"],
                                person: person.isEmpty ? nil : EntityID(trusted: person),
                                arguments: (try? JSONColumn.decode([String].self, row["arguments"])) ?? [])
    }

    // MARK: Writing

    public func insert(_ session: Session) throws {
        try db.cachedStatement(sql: """
            INSERT INTO session (id, battleId, curriculumId, workshopId, start, "end", place, cancelled)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [session.id.rawValue, session.battle.rawValue, session.workshop.curriculum?.rawValue,
                             session.workshop.workshop.rawValue, session.start, session.end, session.place, session.cancelled])
    }

    public func setCancelled(_ session: EntityID, _ cancelled: Bool) throws {
        try db.execute(sql: "UPDATE session SET cancelled = ? WHERE id = ?", arguments: [cancelled, session.rawValue])
    }

    /// Adds or updates a person's participation in a session.
    public func upsert(_ participation: Participation) throws {
        try db.execute(sql: """
            INSERT INTO participation (sessionId, personId, role, status) VALUES (?, ?, ?, ?)
            ON CONFLICT (sessionId, personId) DO UPDATE SET role = excluded.role, status = excluded.status
            """, arguments: [participation.session.rawValue, participation.person.rawValue,
                             participation.role.rawValue, participation.status.rawValue])
    }

    /// Takes a person off a session (`attend --remove`).
    /// Conflicts forced about the person on that session go with them: they no longer apply.
    public func delete(session: EntityID, person: EntityID) throws {
        for table in ["participation", "recordedConflict"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE sessionId = ? AND personId = ?", arguments: [session.rawValue, person.rawValue])
        }
    }

    public func insert(_ shift: Shift) throws {
        try db.execute(sql: "INSERT INTO shift (id, battleId, personId, start, \"end\") VALUES (?, ?, ?, ?, ?)",
                       arguments: [shift.id.rawValue, shift.battle.rawValue, shift.person.rawValue, shift.start, shift.end])
    }

    /// Records a forced conflict (`ScheduleConflict.recorded(on:)` makes it); one already recorded stays as it is.
    public func record(_ conflict: RecordedConflict) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO recordedConflict (sessionId, kind, personId, arguments) VALUES (?, ?, ?, ?)")
            .execute(arguments: [conflict.session.rawValue, conflict.kind, conflict.person?.rawValue ?? "",
                                 try JSONColumn.encode(conflict.arguments)])
    }

    // MARK: Rows

    static func session(_ row: Row) -> Session {
        Session(stored: EntityID(trusted: row["id"]), battle: EntityID(trusted: row["battleId"]),
                     workshop: WorkshopRef(curriculum: Slug(trusted: row["curriculumId"]), workshop: Slug(trusted: row["workshopId"])),
                     start: row["start"], end: row["end"], place: row["place"], cancelled: row["cancelled"])
    }

    static func shift(_ row: Row) -> Shift {
        Shift(stored: EntityID(trusted: row["id"]), battle: EntityID(trusted: row["battleId"]), person: EntityID(trusted: row["personId"]),
                   start: row["start"], end: row["end"])
    }
}

func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
}
