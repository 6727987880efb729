public import FormationDomain
internal import GRDB

extension ScheduleTransaction {
    // MARK: Merging a record (import)
    // Called once per item of a record that may hold hundreds of thousands: cached statements.

    /// The local plant for an incoming one: the same id, else the same name (each plant registers
    /// its own id for "La Gaviota"; the name is what they share). Nil when it is new.
    public func localPlant(for plant: Plant) throws -> EntityID? {
        if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM plant WHERE id = ?"), arguments: [plant.id.rawValue]) == true { return plant.id }
        return try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM plant WHERE name = ?"), arguments: [plant.name]).map(EntityID.init(trusted:))
    }

    public func insertPlant(_ plant: Plant) throws {
        try PlantRecord(plant).insert(db)
    }

    /// The local person for an incoming id: itself, or whom it was merged into. Nil when new.
    public func localPerson(_ id: EntityID) throws -> EntityID? {
        // One statement for both questions: a record brings tens of thousands of people, most of them new.
        try String.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM person WHERE id = ?1 UNION ALL SELECT keptId FROM personAlias WHERE droppedId = ?1 LIMIT 1
            """), arguments: [id.rawValue]).map(EntityID.init(trusted:))
    }

    /// How many sessions a person is in (any role, any status).
    public func participationCount(of person: EntityID) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM participation WHERE personId = ?"), arguments: [person.rawValue]) ?? 0
    }

    /// Every person's id, name and home plant, in the order they were registered here: for likely
    /// duplicates, compared by folded name.
    public func everyPersonName() throws -> [(EntityID, String, EntityID?)] {
        try Row.fetchAll(db, sql: "SELECT id, name, plantId FROM person ORDER BY rowid").map {
            (EntityID(trusted: $0[0]), $0[1], ($0[2] as String?).map(EntityID.init(trusted:)))
        }
    }

    public func insertPerson(_ person: Person) throws {
        // A prepared statement rather than `PersonRecord.insert`, which costs ~66,000 instructions a
        // person (BENCHMARKS.md, record import); the columns are those of PersonRecord.
        try db.cachedStatement(sql: "INSERT INTO person (id, name, plantId, retired, sector) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [person.id.rawValue, person.name, person.plant?.rawValue, person.retired, person.sector?.rawValue])
    }

    public func insertBattle(_ battle: Battle) throws {
        try BattleRecord(battle).insert(db)
    }

    /// Another battle with the name `name` (ids differ): a record may not bring a second one.
    public func battle(named name: String, other id: EntityID) throws -> EntityID? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM battle WHERE name = ? AND id != ? ORDER BY id LIMIT 1"),
                            arguments: [name, id.rawValue]).map(EntityID.init(trusted:))
    }

    public func plantName(_ id: EntityID) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM plant WHERE id = ?"), arguments: [id.rawValue])
    }

    /// The battle a stored session belongs to; nil when there is no such session.
    public func battleOfSession(_ id: EntityID) throws -> EntityID? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT battleId FROM session WHERE id = ?"), arguments: [id.rawValue])
            .map(EntityID.init(trusted:))
    }

    public func shift(_ id: EntityID) throws -> Shift? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM shift WHERE id = ?"), arguments: [id.rawValue]).map(Self.shift)
    }

    public func workshopExists(_ ref: WorkshopRef) throws -> Bool {
        guard let curriculum = ref.curriculum else { return false }
        return try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM workshop WHERE curriculumId = ? AND id = ?"),
                                 arguments: [curriculum.rawValue, ref.workshop.rawValue]) == true
    }

    /// Adds a participation, or keeps the stronger of the two records of it: attended over absent
    /// over registered, facilitator over participant. Merging two plants' sheets loses nobody's attendance.
    public func merge(_ participation: Participation) throws {
        try db.cachedStatement(sql: """
            INSERT INTO participation (sessionId, personId, role, status) VALUES (?, ?, ?, ?)
            ON CONFLICT (sessionId, personId) DO UPDATE SET
                role = CASE WHEN participation.role = 'facilitator' OR excluded.role = 'facilitator' THEN 'facilitator' ELSE 'participant' END,
                status = CASE
                    WHEN participation.status = 'attended' OR excluded.status = 'attended' THEN 'attended'
                    WHEN participation.status = 'absent' OR excluded.status = 'absent' THEN 'absent'
                    ELSE 'registered' END
            """).execute(arguments: [participation.session.rawValue, participation.person.rawValue,
                             participation.role.rawValue, participation.status.rawValue])
    }

    public func insertIfMissing(_ shift: Shift) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO shift (id, battleId, personId, start, \"end\") VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [shift.id.rawValue, shift.battle.rawValue, shift.person.rawValue, shift.start, shift.end])
    }

    // MARK: Reading a record (export)

    /// Streams a battle's record in canonical order into `body`: plants by id (the battle's and its
    /// people's home plants), the battle, people by id, sessions by start then id with their
    /// participations by role then person, shifts by id, forced conflicts, then the qualifications of
    /// the battle's people by person and workshop (and those who vouched for them among the people),
    /// then the roster by person (who joined is among the people).
    public func forEachRecordItem(of battleID: EntityID, _ body: (BattleRecordItem) throws -> Void) throws {
        guard let battle = try self.battle(battleID) else { return }
        let battlePeople = """
            SELECT personId FROM participation JOIN session ON session.id = participation.sessionId WHERE session.battleId = :b
            UNION SELECT personId FROM shift WHERE battleId = :b
            UNION SELECT personId FROM roster WHERE battleId = :b
            """
        // Who vouched for their prior learning travels too: the record names them.
        let people = battlePeople + " UNION SELECT byPersonId FROM qualification WHERE byPersonId IS NOT NULL AND personId IN (\(battlePeople))"
        let plants = try PlantRecord.fetchAll(db, sql: """
            SELECT * FROM plant WHERE id = :p OR id IN (SELECT plantId FROM person WHERE id IN (\(people))) ORDER BY id
            """, arguments: ["b": battleID.rawValue, "p": battle.plant.rawValue])
        for plant in plants { try body(.plant(try plant.domain)) }
        try body(.battle(battle))
        // Columns read by position below: a large battle has tens of thousands of rows, and decoding
        // them through Codable or by column name was a fifth of the export (BENCHMARKS.md).
        // Who was merged into each of them travels too, so that the other plant merges them as well.
        var aliases: [String: [EntityID]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT keptId, droppedId FROM personAlias WHERE keptId IN (\(people)) ORDER BY droppedId",
                                    arguments: ["b": battleID.rawValue]) {
            aliases[row[0], default: []].append(EntityID(trusted: row[1]))
        }
        let persons = try Row.fetchCursor(db, sql: "SELECT id, name, plantId, retired, sector FROM person WHERE id IN (\(people)) ORDER BY id",
                                          arguments: ["b": battleID.rawValue])
        while let row = try persons.next() {
            let id: String = row[0]
            try body(.person(try Person(id: EntityID(trusted: id), name: row[1], plant: (row[2] as String?).map(EntityID.init(trusted:)),
                                        retired: row[3], sector: (row[4] as String?).flatMap(Sector.init(rawValue:))),
                             aliases: aliases[id] ?? []))
        }

        let participations = try Row.fetchCursor(db, sql: """
            SELECT participation.sessionId, participation.personId, participation.role, participation.status
            FROM participation JOIN session ON session.id = participation.sessionId
            WHERE session.battleId = ? ORDER BY session.start, session.id, participation.role, participation.personId
            """, arguments: [battleID.rawValue])
        var next = try participations.next()
        let sessions = try Row.fetchCursor(db, sql: "SELECT * FROM session WHERE battleId = ? ORDER BY start, id",
                                           arguments: [battleID.rawValue])
        while let row = try sessions.next() {
            let session = Self.session(row)
            var list: [Participation] = []
            while let current = next, (current[0] as String) == session.id.rawValue {
                list.append(Participation(session: session.id, person: EntityID(trusted: current[1]),
                                          role: try stored(current[2], column: "participation.role"),
                                          status: try stored(current[3], column: "participation.status")))
                next = try participations.next()
            }
            try body(.session(session, participations: list))
        }
        let shifts = try Row.fetchCursor(db, sql: "SELECT * FROM shift WHERE battleId = ? ORDER BY id", arguments: [battleID.rawValue])
        while let row = try shifts.next() { try body(.shift(Self.shift(row))) }
        // The person's name goes back in its slot, so a reader (or an older version) sees who it was.
        let names = Dictionary(try Row.fetchAll(db, sql: """
            SELECT DISTINCT person.id, person.name FROM recordedConflict JOIN session ON session.id = recordedConflict.sessionId
            JOIN person ON person.id = recordedConflict.personId WHERE session.battleId = ?
            """, arguments: [battleID.rawValue]).map { (EntityID(trusted: $0[0]), $0[1] as String) }, uniquingKeysWith: { first, _ in first })
        let conflicts = try recordedConflicts(ofBattle: battleID).sorted {
            ($0.session, $0.kind, $0.person?.rawValue ?? "", $0.arguments.description)
                < ($1.session, $1.kind, $1.person?.rawValue ?? "", $1.arguments.description)
        }
        for conflict in conflicts {
            let name = conflict.person.flatMap { names[$0] } ?? ""
            try body(.conflict(session: conflict.session, kind: conflict.kind, person: conflict.person,
                               arguments: conflict.arguments(naming: name)))
        }
        let qualified = try String.fetchAll(db, sql: battlePeople, arguments: ["b": battleID.rawValue]).map(EntityID.init(trusted:))
        for qualification in try qualifications(ofEach: qualified) { try body(.qualification(qualification)) }
        for entry in try roster(ofBattle: battleID) { try body(.rosterEntry(entry)) }
    }
}

extension CurriculumTransaction {
    /// The same connection seen as a schedule transaction: one import writes packs and records
    /// in one transaction.
    public var schedule: ScheduleTransaction { ScheduleTransaction(db, interruption: interruption) }
}
