public import FormationDomain
internal import GRDB

/// What refers to a plant, person, battle or session: how many rows of each kind, and the names
/// of the first few (for the message that refuses to remove it).
public struct Referrers: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case person, battle, session, shift, participation, alias
    }

    public struct Group: Sendable, Equatable {
        public let kind: Kind
        public let count: Int
        /// Up to `Referrers.named` of them, by name (sessions: workshop @ place).
        public let names: [String]
    }

    public var groups: [Group] = []
    public var isEmpty: Bool { groups.allSatisfy { $0.count == 0 } }
    public func count(_ kind: Kind) -> Int { groups.first { $0.kind == kind }?.count ?? 0 }

    /// Names given in a refusal; the rest are counted.
    public static let named = 3
}

// Edits and removals: plain writes on one connection; the use cases check the rules.
extension ScheduleTransaction {
    // MARK: Plants

    public func plant(_ id: EntityID) throws -> Plant? {
        try PlantRecord.fetchOne(db, key: id.rawValue)?.domain
    }

    /// Another plant called exactly `name` (names are unique among plants).
    public func plant(named name: String, other id: EntityID) throws -> EntityID? {
        try String.fetchOne(db, sql: "SELECT id FROM plant WHERE name = ? AND id != ?", arguments: [name, id.rawValue])
            .map(EntityID.init(trusted:))
    }

    public func update(_ plant: Plant) throws {
        try PlantRecord(plant).update(db)
    }

    /// People whose home plant it is, and battles held there.
    public func referrers(ofPlant id: EntityID) throws -> Referrers {
        Referrers(groups: [
            try group(.person, "SELECT name FROM person WHERE plantId = ? ORDER BY name", id),
            try group(.battle, "SELECT name FROM battle WHERE plantId = ? ORDER BY startDate, name", id),
        ])
    }


    // MARK: People

    /// People at `plant` (nil: without a home plant) other than `other`, with their names: the
    /// caller compares the names (Unicode case folding is not SQLite's `NOCASE`).
    public func people(atPlant plant: EntityID?, other: EntityID? = nil) throws -> [(id: EntityID, name: String)] {
        try Row.fetchAll(db, sql: "SELECT id, name FROM person WHERE plantId IS ? AND id != ? ORDER BY name, id",
                         arguments: [plant?.rawValue, other?.rawValue ?? ""]).map { (EntityID(trusted: $0[0]), $0[1]) }
    }

    /// Sessions the person is in, shifts, and other ids that lead to them (merged records).
    public func referrers(ofPerson id: EntityID) throws -> Referrers {
        Referrers(groups: [
            try group(.participation, """
                SELECT session.curriculumId || '/' || session.workshopId || ' @ ' || session.place FROM participation
                JOIN session ON session.id = participation.sessionId WHERE participation.personId = ? ORDER BY session.start
                """, id),
            try group(.shift, "SELECT id FROM shift WHERE personId = ? ORDER BY start", id),
            try group(.alias, "SELECT droppedId FROM personAlias WHERE keptId = ? ORDER BY droppedId", id),
        ])
    }

    // MARK: Battles

    public func update(_ battle: Battle) throws {
        try BattleRecord(battle).update(db)
    }

    /// Its sessions (cancelled ones too) and shifts.
    public func referrers(ofBattle id: EntityID) throws -> Referrers {
        Referrers(groups: [
            try group(.session, "SELECT curriculumId || '/' || workshopId || ' @ ' || place FROM session WHERE battleId = ? ORDER BY start", id),
            try group(.shift, "SELECT person.name FROM shift JOIN person ON person.id = shift.personId WHERE battleId = ? ORDER BY start", id),
        ])
    }


    /// Every session of a battle, cancelled ones too, in time order.
    public func sessionRows(ofBattle battle: EntityID) throws -> [Session] {
        try Row.fetchAll(db, sql: "SELECT * FROM session WHERE battleId = ? ORDER BY start, id", arguments: [battle.rawValue]).map(Self.session)
    }

    // MARK: Sessions

    /// Rewrites a session's battle, workshop, times, place and whether it is cancelled.
    public func update(_ session: Session) throws {
        try db.execute(sql: """
            UPDATE session SET battleId = ?, curriculumId = ?, workshopId = ?, start = ?, "end" = ?, place = ?, cancelled = ? WHERE id = ?
            """, arguments: [session.battle.rawValue, session.workshop.curriculum?.rawValue, session.workshop.workshop.rawValue,
                             session.start, session.end, session.place, session.cancelled, session.id.rawValue])
    }

    /// Forgets a conflict forced on a session that no longer has it.
    public func forget(_ conflict: RecordedConflict) throws {
        try db.execute(sql: "DELETE FROM recordedConflict WHERE sessionId = ? AND kind = ? AND personId = ? AND arguments = ?",
                       arguments: [conflict.session.rawValue, conflict.kind, conflict.person?.rawValue ?? "",
                                   try JSONColumn.encode(conflict.arguments)])
    }

    /// Deletes a session with its participations and forced conflicts.
    public func deleteSession(_ id: EntityID) throws {
        for table in ["participation", "recordedConflict"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE sessionId = ?", arguments: [id.rawValue])
        }
        try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [id.rawValue])
    }

    // MARK: Shifts

    public func update(_ shift: Shift) throws {
        try db.execute(sql: "UPDATE shift SET battleId = ?, personId = ?, start = ?, \"end\" = ? WHERE id = ?",
                       arguments: [shift.battle.rawValue, shift.person.rawValue, shift.start, shift.end, shift.id.rawValue])
    }


    /// Deletes a plant, battle or shift (what refers to it is checked first, by the caller).
    public func delete(_ kind: EntityKind, _ id: EntityID) throws {
        precondition([.plant, .battle, .shift].contains(kind), "people and sessions have their own deletes")
        try db.execute(sql: "DELETE FROM \(kind.rawValue) WHERE id = ?", arguments: [id.rawValue])
    }

    // MARK: Counting

    /// How many rows `sql` (one `?`: the id) finds, and the first names of them.
    private func group(_ kind: Referrers.Kind, _ sql: String, _ id: EntityID) throws -> Referrers.Group {
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(sql))", arguments: [id.rawValue]) ?? 0
        let names = count == 0 ? [] : try String.fetchAll(db, sql: sql + " LIMIT \(Referrers.named)", arguments: [id.rawValue])
        return Referrers.Group(kind: kind, count: count, names: names)
    }
}
