public import FormationDomain
internal import GRDB

// Learning histories, battle reports, lineages and merges: every figure is computed from the
// participation rows when asked, never stored a second time (DESIGN.md §2).
//
// Indexes each query relies on (see `HistoryQueriesPlanTests`):
// - a person's history: `participation_person (personId, sessionId, role, status)` finds and covers
//   their rows, then the session, battle and plant primary keys;
// - who else was in those sessions: the participation primary key (sessionId, personId);
// - a battle: `session_battle (battleId, start)`, then the participation primary key;
// - a workshop's lineage and facilitators: `session_workshop (curriculumId, workshopId, start)`;
// - a merge: `participation_person`, `shift_person`, `personAlias_kept`.

/// A person's part in one session, with the session, its battle and the battle's plant.
public struct PersonSessionRow: Sendable, Equatable {
    public let session: Session
    public let role: Role
    public let status: AttendanceStatus
    public let battle: BattleEntry
}

/// One participation of a session, with the person's name and home plant.
public struct SessionPersonRow: Sendable, Equatable {
    public let participation: Participation
    public let name: String
    public let plantID: EntityID?
    public let plantName: String?
    public let plantState: String?
}

extension PersonName {
    public static func named(_ id: EntityID, _ name: String) -> PersonName { PersonName(id: id, name: name) }
}

/// The SQL of the history queries, kept together so that a test can check which index each uses.
enum HistorySQL {
    static let personParticipations = """
        SELECT participation.role AS role, participation.status AS status, session.*,
               battle.name AS battleName, battle.plantId AS battlePlantId, battle.startDate, battle.endDate, battle.timeZone,
               plant.name AS plantName, plant.state AS plantState
        FROM participation
        JOIN session ON session.id = participation.sessionId
        JOIN battle ON battle.id = session.battleId
        JOIN plant ON plant.id = battle.plantId
        WHERE participation.personId = ?
        ORDER BY session.start DESC, session.id
        """

    static func sessionPeople(_ count: Int) -> String {
        """
        SELECT participation.sessionId, participation.personId, participation.role, participation.status,
               person.name, person.plantId, plant.name AS plantName, plant.state AS plantState
        FROM participation
        JOIN person ON person.id = participation.personId
        LEFT JOIN plant ON plant.id = person.plantId
        WHERE participation.sessionId IN (\(placeholders(count)))
        ORDER BY participation.sessionId, person.name, person.id
        """
    }

    static let workshopSessions = """
        SELECT * FROM session WHERE curriculumId = ? AND workshopId = ? ORDER BY start, id
        """

    static let workshopParticipations = """
        SELECT participation.sessionId, participation.personId, participation.role, participation.status,
               person.name, person.plantId, plant.name AS plantName, plant.state AS plantState
        FROM session
        JOIN participation ON participation.sessionId = session.id
        JOIN person ON person.id = participation.personId
        LEFT JOIN plant ON plant.id = person.plantId
        WHERE session.curriculumId = ? AND session.workshopId = ?
        ORDER BY participation.sessionId, person.name, person.id
        """

    static let personAllParticipations = """
        SELECT * FROM participation WHERE personId = ?
        """
}

extension ScheduleTransaction {
    // MARK: Reading

    /// Every session `person` took part in (any role, any status, cancelled or not), newest first.
    public func participations(ofPerson person: EntityID) throws -> [PersonSessionRow] {
        try Row.fetchAll(db, sql: HistorySQL.personParticipations, arguments: [person.rawValue]).map { row in
            let battle = try Battle(id: EntityID(trusted: row["battleId"]), name: row["battleName"],
                                    plant: EntityID(trusted: row["battlePlantId"]), start: CivilDate(iso: row["startDate"]),
                                    end: CivilDate(iso: row["endDate"]), timeZone: row["timeZone"])
            return PersonSessionRow(session: Self.session(row), role: try stored(row["role"], column: "participation.role"),
                                    status: try stored(row["status"], column: "participation.status"),
                                    battle: BattleEntry(battle: battle, plantName: row["plantName"], plantState: row["plantState"]))
        }
    }

    /// Everyone in each of `sessions`, by session (batched, so a long history stays a few queries).
    public func people(inSessions sessions: some Collection<EntityID>) throws -> [EntityID: [SessionPersonRow]] {
        var result: [EntityID: [SessionPersonRow]] = [:]
        for chunk in idChunks(sessions) {
            let rows = try Row.fetchAll(db, sql: HistorySQL.sessionPeople(chunk.count), arguments: StatementArguments(chunk))
            for row in rows { result[EntityID(trusted: row["sessionId"]), default: []].append(try Self.sessionPerson(row)) }
        }
        return result
    }

    /// Every session of a workshop (cancelled ones too) in time order, and everyone in them.
    public func sessionsWithPeople(ofWorkshop ref: WorkshopRef) throws -> [(session: Session, people: [SessionPersonRow])] {
        guard let curriculum = ref.curriculum else { return [] }
        let arguments: StatementArguments = [curriculum.rawValue, ref.workshop.rawValue]
        let sessions = try Row.fetchAll(db, sql: HistorySQL.workshopSessions, arguments: arguments).map(Self.session)
        var people: [EntityID: [SessionPersonRow]] = [:]
        for row in try Row.fetchAll(db, sql: HistorySQL.workshopParticipations, arguments: arguments) {
            people[EntityID(trusted: row["sessionId"]), default: []].append(try Self.sessionPerson(row))
        }
        return sessions.map { ($0, people[$0.id] ?? []) }
    }

    /// Battles by id, with their plants.
    public func battles(_ ids: some Collection<EntityID>) throws -> [EntityID: BattleEntry] {
        guard !ids.isEmpty else { return [:] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT battle.*, plant.name AS plantName, plant.state AS plantState FROM battle
            JOIN plant ON plant.id = battle.plantId WHERE battle.id IN (\(placeholders(ids.count)))
            """, arguments: StatementArguments(ids.map(\.rawValue)))
        var result: [EntityID: BattleEntry] = [:]
        for row in rows {
            let battle = try BattleRecord(row: row).domain
            result[battle.id] = BattleEntry(battle: battle, plantName: row["plantName"], plantState: row["plantState"])
        }
        return result
    }

    /// A stored workshop by qualified ref, nil when its curriculum is gone.
    public func workshopEntry(_ ref: WorkshopRef) throws -> WorkshopEntry? {
        guard let curriculum = ref.curriculum else { return nil }
        return try curricula.storedEntry(curriculum, ref.workshop)
    }

    // MARK: Merging

    /// The raw participations of one person.
    public func participationRecords(ofPerson person: EntityID) throws -> [Participation] {
        try Row.fetchAll(db, sql: HistorySQL.personAllParticipations, arguments: [person.rawValue]).map(Self.participation)
    }

    /// Every session of one person that is not cancelled, with the person's status in it.
    public func liveSessions(ofPerson person: EntityID) throws -> [(session: Session, status: AttendanceStatus)] {
        try Row.fetchAll(db, sql: """
            SELECT session.*, participation.status AS personStatus FROM participation JOIN session ON session.id = participation.sessionId
            WHERE participation.personId = ? AND session.cancelled = 0 ORDER BY session.start, session.id
            """, arguments: [person.rawValue]).map { (Self.session($0), try stored($0["personStatus"], column: "participation.status")) }
    }

    public func deleteParticipation(session: EntityID, person: EntityID) throws {
        try db.execute(sql: "DELETE FROM participation WHERE sessionId = ? AND personId = ?", arguments: [session.rawValue, person.rawValue])
    }

    /// Gives every participation of `from` to `to` (none of them may share a session); returns how many moved.
    public func moveParticipations(from: EntityID, to: EntityID) throws -> Int {
        try db.execute(sql: "UPDATE participation SET personId = ? WHERE personId = ?", arguments: [to.rawValue, from.rawValue])
        return db.changesCount
    }

    /// Gives every shift of `from` to `to`; returns how many moved.
    /// Forced conflicts about `from` become `to`'s (one both had stays once).
    public func moveRecordedConflicts(from: EntityID, to: EntityID) throws {
        try db.execute(sql: "UPDATE OR IGNORE recordedConflict SET personId = ? WHERE personId = ?", arguments: [to.rawValue, from.rawValue])
        try db.execute(sql: "DELETE FROM recordedConflict WHERE personId = ?", arguments: [from.rawValue])
    }

    public func moveShifts(from: EntityID, to: EntityID) throws -> Int {
        try db.execute(sql: "UPDATE shift SET personId = ? WHERE personId = ?", arguments: [to.rawValue, from.rawValue])
        return db.changesCount
    }

    /// Remembers that `dropped` is now `kept`, and repoints older aliases of `dropped`.
    public func alias(_ dropped: EntityID, to kept: EntityID) throws {
        try db.execute(sql: "UPDATE personAlias SET keptId = ? WHERE keptId = ?", arguments: [kept.rawValue, dropped.rawValue])
        try db.execute(sql: """
            INSERT INTO personAlias (droppedId, keptId) VALUES (?, ?)
            ON CONFLICT (droppedId) DO UPDATE SET keptId = excluded.keptId
            """, arguments: [dropped.rawValue, kept.rawValue])
        // A kept id that was itself an alias (two plants merged the same pair in opposite
        // directions) is a person again: it leads nowhere else.
        try db.execute(sql: "DELETE FROM personAlias WHERE droppedId = keptId")
    }

    public func person(_ id: EntityID) throws -> Person? {
        try PersonRecord.fetchOne(db, key: id.rawValue)?.domain
    }

    /// Rewrites a person's record (name, plant, sector…) in place.
    public func update(_ person: Person) throws {
        try PersonRecord(person).update(db)
    }

    /// Deletes a person, and any conflict still recorded about them (a forced conflict names a
    /// person by id without a foreign key: it may be about nobody's session), and their places on
    /// battles' rosters (presence only, no history).
    public func deletePerson(_ id: EntityID) throws {
        try db.execute(sql: "DELETE FROM recordedConflict WHERE personId = ?", arguments: [id.rawValue])
        try db.execute(sql: "DELETE FROM roster WHERE personId = ?", arguments: [id.rawValue])
        try db.execute(sql: "DELETE FROM person WHERE id = ?", arguments: [id.rawValue])
    }

    // MARK: Rows

    static func participation(_ row: Row) throws -> Participation {
        Participation(session: EntityID(trusted: row["sessionId"]), person: EntityID(trusted: row["personId"]),
                      role: try stored(row["role"], column: "participation.role"), status: try stored(row["status"], column: "participation.status"))
    }

    static func sessionPerson(_ row: Row) throws -> SessionPersonRow {
        SessionPersonRow(participation: try participation(row), name: row["name"], plantID: (row["plantId"] as String?).map(EntityID.init(trusted:)),
                         plantName: row["plantName"], plantState: row["plantState"])
    }
}
