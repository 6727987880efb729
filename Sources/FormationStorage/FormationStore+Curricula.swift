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
    public var ref: WorkshopRef { WorkshopRef(curriculum: curriculum, workshop: workshop.id) }
}

extension FormationStore {
    public func curricula() throws -> [CurriculumSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT curriculum.id, curriculum.header, (SELECT count(*) FROM workshop WHERE curriculumId = curriculum.id) AS n
                FROM curriculum ORDER BY curriculum.id
                """).map { row in
                CurriculumSummary(header: try CurriculumHeader(column: row["header"], of: row["id"]), workshopCount: row["n"])
            }
        }
    }

    public func curriculumHeader(_ id: Slug) throws -> CurriculumHeader? {
        try read { db in try CurriculumTransaction(db).storedHeader(id) }
    }

    /// The whole curriculum, workshops in the authors' order.
    public func curriculum(_ id: Slug) throws -> Curriculum? {
        try read { db in
            let transaction = CurriculumTransaction(db)
            guard let header = try transaction.storedHeader(id) else { return nil }
            var workshops: [Workshop] = []
            try transaction.forEachWorkshop(of: id) { workshops.append($0) }
            return Curriculum(header: header, workshops: workshops)
        }
    }

    /// Streams the workshops of `id` in order without holding them all (exports of large packs).
    public func forEachWorkshop(of id: Slug, _ body: (Workshop) throws -> Void) throws {
        try read { db in try CurriculumTransaction(db).forEachWorkshop(of: id, body) }
    }

    /// Every workshop, or those of one curriculum, ordered by curriculum then position.
    public func workshops(in curriculum: Slug? = nil) throws -> [WorkshopEntry] {
        try read { db in
            let transaction = CurriculumTransaction(db)
            let ids = try curriculum.map { [$0] } ?? String.fetchAll(db, sql: "SELECT id FROM curriculum ORDER BY id").map(Slug.init(trusted:))
            var entries: [WorkshopEntry] = []
            for id in ids {
                try transaction.forEachWorkshop(of: id) { entries.append(WorkshopEntry(curriculum: id, workshop: $0)) }
            }
            return entries
        }
    }

    /// Finds a workshop by `curriculum/workshop` or by a bare id that only one curriculum uses.
    ///
    /// - Throws: `LookupError.notFound`, or `.ambiguous` naming each curriculum that has the id.
    public func workshop(_ ref: WorkshopRef) throws -> WorkshopEntry {
        try read { db in
            let transaction = CurriculumTransaction(db)
            let owners: [Slug]
            if let curriculum = ref.curriculum {
                owners = [curriculum]
            } else {
                owners = try String.fetchAll(db, sql: "SELECT curriculumId FROM workshop WHERE id = ? ORDER BY curriculumId",
                                             arguments: [ref.workshop.rawValue]).map(Slug.init(trusted:))
                if owners.count > 1 {
                    throw LookupError.ambiguous(kind: .workshop, query: ref.description,
                                                candidates: owners.map { "\($0)/\(ref.workshop)" })
                }
            }
            guard let owner = owners.first, let workshop = try transaction.storedWorkshop(owner, ref.workshop) else {
                throw LookupError.notFound(kind: .workshop, query: ref.description)
            }
            return WorkshopEntry(curriculum: owner, workshop: workshop)
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
        var result: T?
        do {
            try writer.writeWithoutTransaction { db in
                // An import writes its indexes in key order only by chance (UUIDs): with SQLite's default
                // 2 MB page cache a 20 MB record re-read 185,000 pages (BENCHMARKS.md, record import).
                // 8 MB took a fifth off its time; the process ends soon after, so the memory is not kept.
                try db.execute(sql: "PRAGMA cache_size = -8192")
                try db.inTransaction(.immediate) {
                    let outcome = try body(CurriculumTransaction(db))
                    result = outcome.result
                    return outcome.commit ? .commit : .rollback
                }
            }
        } catch let error as DatabaseError {
            throw StorageError(error, path: path)
        }
        return result!
    }
}

/// Reads and writes curricula on one database connection, inside a transaction that the caller
/// owns. Not Sendable: it lives only as long as the closure that received it.
public struct CurriculumTransaction {
    let db: Database

    init(_ db: Database) { self.db = db }

    public func storedVersion(_ id: Slug) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT version FROM curriculum WHERE id = ?", arguments: [id.rawValue])
    }

    public func storedHeader(_ id: Slug) throws -> CurriculumHeader? {
        try String.fetchOne(db, sql: "SELECT header FROM curriculum WHERE id = ?", arguments: [id.rawValue])
            .map { try CurriculumHeader(column: $0, of: id.rawValue) }
    }

    /// One workshop. Cached statements: history, reports and timetables read workshops one by one,
    /// and preparing the two queries afresh cost more than reading the rows (BENCHMARKS.md, issue 10).
    public func storedWorkshop(_ curriculum: Slug, _ id: Slug) throws -> Workshop? {
        let statement = try db.cachedStatement(sql: "SELECT \(Workshop.storedColumns) FROM workshop WHERE curriculumId = ? AND id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [curriculum.rawValue, id.rawValue]) else { return nil }
        return try Workshop(row: row, prerequisites: prerequisites(curriculum, id))
    }

    public func storedWorkshopIDs(_ curriculum: Slug) throws -> [Slug] {
        try String.fetchAll(db, sql: "SELECT id FROM workshop WHERE curriculumId = ? ORDER BY position",
                            arguments: [curriculum.rawValue]).map(Slug.init(trusted:))
    }

    func forEachWorkshop(of curriculum: Slug, _ body: (Workshop) throws -> Void) throws {
        let prerequisites = try Row.fetchAll(db, sql: """
            SELECT workshopId, requiredCurriculumId, requiredWorkshopId FROM prerequisite
            WHERE curriculumId = ? ORDER BY workshopId, position
            """, arguments: [curriculum.rawValue])
        var byWorkshop: [String: [WorkshopRef]] = [:]
        for row in prerequisites {
            byWorkshop[row[0], default: []].append(Self.ref(home: curriculum, row[1], row[2]))
        }
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(Workshop.storedColumns) FROM workshop WHERE curriculumId = ? ORDER BY position",
                                         arguments: [curriculum.rawValue])
        while let row = try cursor.next() {
            let id: String = row[0]
            try body(try Workshop(row: row, prerequisites: byWorkshop[id] ?? []))
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
            let qualified = required.qualified(in: curriculum)
            try insertPrerequisite.execute(arguments: [
                curriculum.rawValue, workshop.id.rawValue, index, qualified.curriculum!.rawValue, qualified.workshop.rawValue,
            ])
        }
    }
}
