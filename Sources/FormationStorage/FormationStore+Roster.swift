public import FormationDomain
internal import GRDB

// Battle rosters (`battle join`): one row per battle and person joined.

extension ScheduleTransaction {
    /// The entries of `battle`, by person id.
    public func roster(ofBattle battle: EntityID) throws -> [RosterEntry] {
        try Row.fetchAll(db, sql: "SELECT battleId, personId, fromDate, toDate FROM roster WHERE battleId = ? ORDER BY personId",
                         arguments: [battle.rawValue]).map(Self.rosterEntry)
    }

    /// The entry of `person` at `battle`, if they joined it.
    public func rosterEntry(_ battle: EntityID, _ person: EntityID) throws -> RosterEntry? {
        try Row.fetchOne(db, sql: "SELECT battleId, personId, fromDate, toDate FROM roster WHERE battleId = ? AND personId = ?",
                         arguments: [battle.rawValue, person.rawValue]).map(Self.rosterEntry)
    }

    /// Stores `entry`, replacing that of the same battle and person.
    public func save(_ entry: RosterEntry) throws {
        try db.execute(sql: """
            INSERT INTO roster (battleId, personId, fromDate, toDate) VALUES (?, ?, ?, ?)
            ON CONFLICT (battleId, personId) DO UPDATE SET fromDate = excluded.fromDate, toDate = excluded.toDate
            """, arguments: Self.arguments(entry))
    }

    /// Adds `entry` unless its person is on that roster already (a record's import: what is here
    /// stays). Returns whether it was added.
    @discardableResult
    public func insertIfMissing(_ entry: RosterEntry) throws -> Bool {
        try db.execute(sql: "INSERT OR IGNORE INTO roster (battleId, personId, fromDate, toDate) VALUES (?, ?, ?, ?)",
                       arguments: Self.arguments(entry))
        return db.changesCount > 0
    }

    /// Takes `person` off the roster of `battle`; returns whether they were on it.
    public func deleteRosterEntry(_ battle: EntityID, _ person: EntityID) throws -> Bool {
        try db.execute(sql: "DELETE FROM roster WHERE battleId = ? AND personId = ?", arguments: [battle.rawValue, person.rawValue])
        return db.changesCount > 0
    }

    /// People with a shift, or a participation not marked absent, in `battle`: on its roster
    /// without an entry.
    public func peopleInShiftsOrSessions(ofBattle battle: EntityID) throws -> (shifts: Set<EntityID>, sessions: Set<EntityID>) {
        let shifts = try String.fetchAll(db, sql: "SELECT DISTINCT personId FROM shift WHERE battleId = ?", arguments: [battle.rawValue])
        let sessions = try String.fetchAll(db, sql: """
            SELECT DISTINCT participation.personId FROM participation JOIN session ON session.id = participation.sessionId
            WHERE session.battleId = ? AND session.cancelled = 0 AND participation.status <> 'absent'
            """, arguments: [battle.rawValue])
        return (Set(shifts.map(EntityID.init(trusted:))), Set(sessions.map(EntityID.init(trusted:))))
    }

    /// Gives the roster places of `from` to `to` (where both were on a battle, `to`'s dates stay).
    public func moveRoster(from: EntityID, to: EntityID) throws {
        try db.execute(sql: "UPDATE OR IGNORE roster SET personId = ? WHERE personId = ?", arguments: [to.rawValue, from.rawValue])
        try db.execute(sql: "DELETE FROM roster WHERE personId = ?", arguments: [from.rawValue])
    }

    private static func arguments(_ entry: RosterEntry) -> StatementArguments {
        [entry.battle.rawValue, entry.person.rawValue, entry.from?.description, entry.to?.description]
    }

    static func rosterEntry(_ row: Row) -> RosterEntry {
        RosterEntry(battle: EntityID(trusted: row[0]), person: EntityID(trusted: row[1]),
                    from: (row[2] as String?).flatMap { try? CivilDate(iso: $0) }, to: (row[3] as String?).flatMap { try? CivilDate(iso: $0) })
    }
}
