public import FormationDomain
internal import GRDB

/// A curriculum as listings show it.
public struct CurriculumSummary: Sendable, Equatable {
    public let header: CurriculumHeader
    public let workshopCount: Int
}

/// A workshop and the curriculum it belongs to.
public struct WorkshopEntry: Sendable, Equatable {
    public let curriculum: Slug
    public let workshop: Workshop
    /// Dropped by a later version of its pack but kept, because sessions or prerequisites use it:
    /// it resolves for history, reports and checks, and takes no new sessions.
    public let retired: Bool
    public var ref: WorkshopRef { WorkshopRef(curriculum: curriculum, workshop: workshop.id) }

    public init(curriculum: Slug, workshop: Workshop, retired: Bool = false) {
        self.curriculum = curriculum
        self.workshop = workshop
        self.retired = retired
    }
}

extension FormationStore {
    public func curricula() throws -> [CurriculumSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT curriculum.id, curriculum.header,
                    (SELECT count(*) FROM workshop WHERE curriculumId = curriculum.id AND retired = 0) AS n
                FROM curriculum ORDER BY curriculum.id
                """).map { row in
                CurriculumSummary(header: try CurriculumHeader(column: row["header"], of: row["id"]), workshopCount: row["n"])
            }
        }
    }

    public func curriculumHeader(_ id: Slug) throws -> CurriculumHeader? {
        try read { db in try CurriculumTransaction(db).storedHeader(id) }
    }

    /// The whole curriculum as its current version has it (no retired workshop), workshops in the authors' order.
    public func curriculum(_ id: Slug) throws -> Curriculum? {
        try read { db in
            let transaction = CurriculumTransaction(db)
            guard let header = try transaction.storedHeader(id) else { return nil }
            var workshops: [Workshop] = []
            try transaction.forEachWorkshop(of: id) { workshop, _ in workshops.append(workshop) }
            return Curriculum(header: header, workshops: workshops)
        }
    }

    /// Streams the workshops of `id`'s current version in order without holding them all (exports of large packs).
    public func forEachWorkshop(of id: Slug, _ body: (Workshop) throws -> Void) throws {
        try read { db in try CurriculumTransaction(db).forEachWorkshop(of: id) { workshop, _ in try body(workshop) } }
    }

    /// Every workshop, or those of one curriculum, ordered by curriculum then position, retired ones
    /// of each curriculum after its current ones.
    public func workshops(in curriculum: Slug? = nil) throws -> [WorkshopEntry] {
        try read { db in
            let transaction = CurriculumTransaction(db)
            let ids = try curriculum.map { [$0] } ?? String.fetchAll(db, sql: "SELECT id FROM curriculum ORDER BY id").map(Slug.init(trusted:))
            var entries: [WorkshopEntry] = []
            for id in ids {
                try transaction.forEachWorkshop(of: id, includingRetired: true) {
                    entries.append(WorkshopEntry(curriculum: id, workshop: $0, retired: $1))
                }
            }
            return entries
        }
    }

    /// Finds a workshop by `curriculum/workshop` or by a bare id that only one curriculum uses (a
    /// bare id current in one curriculum and retired in others means the current one).
    ///
    /// - Throws: `LookupError.notFound`, or `.ambiguous` naming each curriculum that has the id.
    public func workshop(_ ref: WorkshopRef) throws -> WorkshopEntry {
        try read { db in
            let transaction = CurriculumTransaction(db)
            let owners: [Slug]
            if let curriculum = ref.curriculum {
                owners = [curriculum]
            } else {
                let rows = try Row.fetchAll(db, sql: "SELECT curriculumId, retired FROM workshop WHERE id = ? ORDER BY curriculumId",
                                            arguments: [ref.workshop.rawValue])
                let current = rows.filter { !($0[1] as Bool) }
                owners = (current.count == 1 ? current : rows).map { Slug(trusted: $0[0]) }
                if owners.count > 1 {
                    throw LookupError.ambiguous(kind: .workshop, query: ref.description,
                                                candidates: owners.map { "\($0)/\(ref.workshop)" })
                }
            }
            guard let owner = owners.first, let entry = try transaction.storedEntry(owner, ref.workshop) else {
                throw LookupError.notFound(kind: .workshop, query: ref.description)
            }
            return entry
        }
    }

    /// Every stored workshop with the workshops it requires (qualified): the graph that cycle and
    /// readiness checks walk.
    public func prerequisiteGraph() throws -> [WorkshopRef: [WorkshopRef]] {
        try read { db in try CurriculumTransaction(db).prerequisiteGraph() }
    }

    /// Runs `body` inside one write transaction; commits only when it returns `true`.
    ///
    /// An import checks every file inside this transaction and decides at the end: a single
    /// problem in any file rolls back everything (DESIGN.md §4: all files or none).
    public func inCurriculumTransaction<T>(_ body: (CurriculumTransaction) throws -> (commit: Bool, result: T)) throws -> T {
        var result: Result<T, any Error>?
        do {
            try writer.writeWithoutTransaction { db in
                // An import writes its indexes in key order only by chance (UUIDs): with SQLite's default
                // 2 MB page cache a 20 MB record re-read 185,000 pages (BENCHMARKS.md, record import).
                // 8 MB took a fifth off its time; the process ends soon after, so the memory is not kept.
                try db.execute(sql: "PRAGMA cache_size = -8192")
                try db.inTransaction(.immediate) {
                    let capture = try startCapture(db)
                    let outcome = try body(CurriculumTransaction(db, interruption: interruption))
                    result = .success(outcome.result)
                    guard outcome.commit else { return .rollback }
                    try refuseIfInterrupted()
                    try log(capture, in: db, undoOf: nil)
                    return .commit
                }
            }
        } catch let error as DatabaseError {
            throw StorageError(error, path: path)
        } catch let error as ChangesetError {
            throw StorageError.other("change log: SQLite session error \(error.code)")
        }
        // `inTransaction` runs its body once or throws, so a result is always there.
        guard let result else { throw StorageError.other("the import's transaction did not run") }
        return try result.get()
    }
}

/// Reads and writes curricula on one database connection, inside a transaction that the caller
/// owns. Not Sendable: it lives only as long as the closure that received it.
public struct CurriculumTransaction {
    let db: Database
    /// The store's Ctrl-C flag, for a long import to stop between records (`stopIfInterrupted`).
    let interruption: Interruption?

    init(_ db: Database, interruption: Interruption? = nil) {
        self.db = db
        self.interruption = interruption
    }

    /// Throws SQLITE_INTERRUPT once Ctrl-C was pressed (`FormationStore.interrupt`): an import
    /// calls it between records, so it stops there rather than at its end.
    public func stopIfInterrupted() throws {
        if interruption?.requested == true { throw DatabaseError(resultCode: .SQLITE_INTERRUPT, message: "interrupted") }
    }

    public func storedVersion(_ id: Slug) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT version FROM curriculum WHERE id = ?", arguments: [id.rawValue])
    }

    public func storedHeader(_ id: Slug) throws -> CurriculumHeader? {
        try String.fetchOne(db, sql: "SELECT header FROM curriculum WHERE id = ?", arguments: [id.rawValue])
            .map { try CurriculumHeader(column: $0, of: id.rawValue) }
    }

    /// One workshop. Cached statements: history, reports and timetables read workshops one by one,
    /// and preparing the two queries afresh cost more than reading the rows (BENCHMARKS.md).
    /// A retired workshop too: sessions and histories that name it still read it.
    public func storedWorkshop(_ curriculum: Slug, _ id: Slug) throws -> Workshop? {
        try storedEntry(curriculum, id)?.workshop
    }

    func storedEntry(_ curriculum: Slug, _ id: Slug) throws -> WorkshopEntry? {
        let statement = try db.cachedStatement(sql: "SELECT \(Workshop.storedColumns) FROM workshop WHERE curriculumId = ? AND id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [curriculum.rawValue, id.rawValue]) else { return nil }
        return WorkshopEntry(curriculum: curriculum, workshop: try Workshop(row: row, prerequisites: prerequisites(curriculum, id)),
                             retired: row[7])
    }

    /// The workshops of the stored version (not the retired ones), in order.
    public func storedWorkshopIDs(_ curriculum: Slug) throws -> [Slug] {
        try String.fetchAll(db, sql: "SELECT id FROM workshop WHERE curriculumId = ? AND retired = 0 ORDER BY position",
                            arguments: [curriculum.rawValue]).map(Slug.init(trusted:))
    }

    /// The workshops of the stored version, then (`includingRetired`) the retired ones, each with
    /// whether it is retired.
    func forEachWorkshop(of curriculum: Slug, includingRetired: Bool = false, _ body: (Workshop, Bool) throws -> Void) throws {
        let prerequisites = try Row.fetchAll(db, sql: """
            SELECT workshopId, requiredCurriculumId, requiredWorkshopId FROM prerequisite
            WHERE curriculumId = ? ORDER BY workshopId, position
            """, arguments: [curriculum.rawValue])
        var byWorkshop: [String: [WorkshopRef]] = [:]
        for row in prerequisites {
            byWorkshop[row[0], default: []].append(Self.ref(home: curriculum, row[1], row[2]))
        }
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT \(Workshop.storedColumns) FROM workshop WHERE curriculumId = ? \(includingRetired ? "" : "AND retired = 0")
            ORDER BY retired, position
            """, arguments: [curriculum.rawValue])
        while let row = try cursor.next() {
            let id: String = row[0]
            try body(try Workshop(row: row, prerequisites: byWorkshop[id] ?? []), row[7])
        }
    }

    private func prerequisites(_ curriculum: Slug, _ workshop: Slug) throws -> [WorkshopRef] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT requiredCurriculumId, requiredWorkshopId FROM prerequisite
            WHERE curriculumId = ? AND workshopId = ? ORDER BY position
            """), arguments: [curriculum.rawValue, workshop.rawValue]).map {
            Self.ref(home: curriculum, $0[0], $0[1])
        }
    }

    /// A prerequisite in the same curriculum reads back bare, as its authors wrote it.
    private static func ref(home: Slug, _ curriculum: String, _ workshop: String) -> WorkshopRef {
        WorkshopRef(curriculum: curriculum == home.rawValue ? nil : Slug(trusted: curriculum), workshop: Slug(trusted: workshop))
    }

    public func prerequisiteGraph() throws -> [WorkshopRef: [WorkshopRef]] {
        var graph: [WorkshopRef: [WorkshopRef]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT curriculumId, id FROM workshop") {
            graph[WorkshopRef(curriculum: Slug(trusted: row[0]), workshop: Slug(trusted: row[1]))] = []
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT curriculumId, workshopId, requiredCurriculumId, requiredWorkshopId FROM prerequisite
            ORDER BY curriculumId, workshopId, position
            """) {
            // Columns by position: this reads every prerequisite of every curriculum.
            let node = WorkshopRef(curriculum: Slug(trusted: row[0]), workshop: Slug(trusted: row[1]))
            graph[node, default: []].append(WorkshopRef(curriculum: Slug(trusted: row[2]), workshop: Slug(trusted: row[3])))
        }
        return graph
    }

    /// Removes the stored copy of `id` (workshops and prerequisites go with it) and stores `header`.
    public func replaceHeader(_ header: CurriculumHeader) throws {
        try db.execute(sql: "DELETE FROM curriculum WHERE id = ?", arguments: [header.id.rawValue])
        try db.execute(sql: "INSERT INTO curriculum (id, version, header) VALUES (?, ?, ?)",
                       arguments: [header.id.rawValue, header.version, header.json])
    }

    /// Replaces the stored workshop with the same id, or adds it.
    public func upsert(_ workshop: Workshop, in curriculum: Slug, position: Int) throws {
        try deleteWorkshop(workshop.id, in: curriculum)
        try insert(workshop, in: curriculum, position: position)
    }

    public func deleteWorkshop(_ id: Slug, in curriculum: Slug) throws {
        try db.execute(sql: "DELETE FROM workshop WHERE curriculumId = ? AND id = ?", arguments: [curriculum.rawValue, id.rawValue])
    }

    // MARK: Retiring workshops a newer version drops

    /// Marks the workshops `ids` of `curriculum` (all of them when nil) retired: the start of
    /// taking another version, whose own workshops then replace them one by one.
    public func retire(_ ids: [Slug]? = nil, in curriculum: Slug) throws {
        guard let ids else {
            try db.execute(sql: "UPDATE workshop SET retired = 1 WHERE curriculumId = ?", arguments: [curriculum.rawValue])
            return
        }
        let statement = try db.cachedStatement(sql: "UPDATE workshop SET retired = 1 WHERE curriculumId = ? AND id = ?")
        for id in ids { try statement.execute(arguments: [curriculum.rawValue, id.rawValue]) }
    }

    /// Deletes the retired workshops of `curriculum` nothing uses any more, and returns those that
    /// stay, in order. Used means: a session (even cancelled) or a qualification names it, a workshop of another
    /// curriculum or a current one of this curriculum requires it, or a retired one that stays does.
    @discardableResult
    public func pruneRetired(in curriculum: Slug) throws -> [Slug] {
        try db.execute(sql: """
            WITH RECURSIVE used(id) AS (
                SELECT workshop.id FROM workshop WHERE workshop.curriculumId = :c AND workshop.retired = 1 AND (
                    EXISTS (SELECT 1 FROM session WHERE session.curriculumId = :c AND session.workshopId = workshop.id)
                    OR EXISTS (SELECT 1 FROM qualification WHERE qualification.curriculumId = :c AND qualification.workshopId = workshop.id)
                    OR EXISTS (SELECT 1 FROM prerequisite JOIN workshop AS requiring
                               ON requiring.curriculumId = prerequisite.curriculumId AND requiring.id = prerequisite.workshopId
                               WHERE prerequisite.requiredCurriculumId = :c AND prerequisite.requiredWorkshopId = workshop.id
                               AND (prerequisite.curriculumId != :c OR requiring.retired = 0)))
                UNION
                SELECT prerequisite.requiredWorkshopId FROM prerequisite JOIN used ON prerequisite.workshopId = used.id
                WHERE prerequisite.curriculumId = :c AND prerequisite.requiredCurriculumId = :c
            )
            DELETE FROM workshop WHERE curriculumId = :c AND retired = 1 AND id NOT IN (SELECT id FROM used)
            """, arguments: ["c": curriculum.rawValue])
        return try String.fetchAll(db, sql: "SELECT id FROM workshop WHERE curriculumId = ? AND retired = 1 ORDER BY position, id",
                                   arguments: [curriculum.rawValue]).map(Slug.init(trusted:))
    }

    /// Stores `header` in place of the stored one, keeping the stored workshops (same-version replace).
    public func updateHeader(_ header: CurriculumHeader) throws {
        try db.execute(sql: "UPDATE curriculum SET version = ?, header = ? WHERE id = ?",
                       arguments: [header.version, header.json, header.id.rawValue])
    }

    /// Appends `workshop` to `curriculum` at `position`. Uses cached prepared statements: a large
    /// pack inserts tens of thousands of rows in one transaction.
    ///
    /// - Parameter texts: false stores `{}` for the texts, for a check that rolls back and never reads
    ///   them (`formation validate` of one file): encoding them was a quarter of its reading thread.
    public func insert(_ workshop: Workshop, in curriculum: Slug, position: Int, texts: Bool = true) throws {
        let insertWorkshop = try db.cachedStatement(sql: """
            INSERT INTO workshop (curriculumId, id, position, category, minutes, minParticipants, maxParticipants, content)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try insertWorkshop.execute(arguments: [
            curriculum.rawValue, workshop.id.rawValue, position, workshop.category.rawValue, workshop.durationMinutes,
            workshop.minParticipants, workshop.maxParticipants, texts ? WorkshopContent(workshop).json : "{}",
        ])
        guard !workshop.prerequisites.isEmpty else { return }
        let insertPrerequisite = try db.cachedStatement(sql: """
            INSERT INTO prerequisite (curriculumId, workshopId, position, requiredCurriculumId, requiredWorkshopId)
            VALUES (?, ?, ?, ?, ?)
            """)
        for (index, required) in workshop.prerequisites.enumerated() {
            // `qualified(in:)` gives a bare id this curriculum: the required curriculum is never null.
            let requiredCurriculum = required.curriculum ?? curriculum
            try insertPrerequisite.execute(arguments: [
                curriculum.rawValue, workshop.id.rawValue, index, requiredCurriculum.rawValue, required.workshop.rawValue,
            ])
        }
    }
}
