public import FormationDomain
internal import GRDB

// Prior learning recognised (`person qualify`): one row per person and workshop.

extension ScheduleTransaction {
    static let qualificationColumns = "personId, curriculumId, workshopId, recorded, byPersonId, note"

    /// The stored qualification of `person` in `workshop`, if any.
    public func qualification(_ person: EntityID, _ workshop: WorkshopRef) throws -> Qualification? {
        guard let curriculum = workshop.curriculum else { return nil }
        return try Row.fetchOne(db.cachedStatement(sql: """
            SELECT \(Self.qualificationColumns) FROM qualification WHERE personId = ? AND curriculumId = ? AND workshopId = ?
            """), arguments: [person.rawValue, curriculum.rawValue, workshop.workshop.rawValue]).map(Self.qualification)
    }

    /// Stores `qualification`, replacing the one of the same person and workshop.
    public func save(_ qualification: Qualification) throws {
        try db.cachedStatement(sql: """
            INSERT INTO qualification (\(Self.qualificationColumns)) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (personId, curriculumId, workshopId) DO UPDATE SET
                recorded = excluded.recorded, byPersonId = excluded.byPersonId, note = excluded.note
            """).execute(arguments: Self.arguments(qualification))
    }

    /// Adds `qualification` unless the person already has one in that workshop (a record's import:
    /// what is here stays). Returns whether it was added.
    @discardableResult
    public func insertIfMissing(_ qualification: Qualification) throws -> Bool {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO qualification (\(Self.qualificationColumns)) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: Self.arguments(qualification))
        return db.changesCount > 0
    }

    /// Withdraws the qualification of `person` in `workshop`; returns whether there was one.
    public func deleteQualification(_ person: EntityID, _ workshop: WorkshopRef) throws -> Bool {
        guard let curriculum = workshop.curriculum else { return false }
        try db.execute(sql: "DELETE FROM qualification WHERE personId = ? AND curriculumId = ? AND workshopId = ?",
                       arguments: [person.rawValue, curriculum.rawValue, workshop.workshop.rawValue])
        return db.changesCount > 0
    }

    /// The qualifications of each of `people`, by person, then workshop.
    public func qualifications(ofEach people: some Collection<EntityID>) throws -> [Qualification] {
        var result: [Qualification] = []
        for chunk in idChunks(people) {
            result += try Row.fetchAll(db, sql: """
                SELECT \(Self.qualificationColumns) FROM qualification WHERE personId IN (\(placeholders(chunk.count)))
                """, arguments: StatementArguments(chunk)).map(Self.qualification)
        }
        return result.sorted { ($0.person, $0.workshop) < ($1.person, $1.workshop) }
    }

    /// Everyone qualified in `workshop`, by person.
    public func qualifications(ofWorkshop workshop: WorkshopRef) throws -> [Qualification] {
        guard let curriculum = workshop.curriculum else { return [] }
        return try Row.fetchAll(db, sql: """
            SELECT \(Self.qualificationColumns) FROM qualification WHERE curriculumId = ? AND workshopId = ? ORDER BY personId
            """, arguments: [curriculum.rawValue, workshop.workshop.rawValue]).map(Self.qualification)
    }

    /// Adds the qualifications of `people` to `experience`.
    func addQualifications(of people: some Collection<EntityID>, to experience: inout Experience) throws {
        for qualification in try qualifications(ofEach: people) { experience.addQualified(qualification.person, qualification.workshop) }
    }

    /// Gives the qualifications of `from` to `to` (where both had one in a workshop, `to`'s stays) and
    /// makes those `from` vouched for vouched by `to`. Returns how many moved.
    public func moveQualifications(from: EntityID, to: EntityID) throws -> Int {
        try db.execute(sql: "UPDATE OR IGNORE qualification SET personId = ? WHERE personId = ?", arguments: [to.rawValue, from.rawValue])
        let moved = db.changesCount
        try db.execute(sql: "DELETE FROM qualification WHERE personId = ?", arguments: [from.rawValue])
        try db.execute(sql: "UPDATE qualification SET byPersonId = ? WHERE byPersonId = ?", arguments: [to.rawValue, from.rawValue])
        return moved
    }

    private static func arguments(_ qualification: Qualification) -> StatementArguments {
        [qualification.person.rawValue, qualification.workshop.curriculum?.rawValue ?? "", qualification.workshop.workshop.rawValue,
         qualification.recorded, qualification.by?.rawValue, qualification.note]
    }

    static func qualification(_ row: Row) -> Qualification {
        Qualification(person: EntityID(trusted: row[0]), workshop: WorkshopRef(curriculum: Slug(trusted: row[1]), workshop: Slug(trusted: row[2])),
                      recorded: row[3], by: (row[4] as String?).map(EntityID.init(trusted:)), note: row[5])
    }
}
