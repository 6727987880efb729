public import FormationDomain
internal import GRDB

/// A plant, person or battle together with the names a listing shows beside it.
public struct PersonEntry: Sendable, Equatable {
    public let person: Person
    public let plantName: String?
}

public struct BattleEntry: Sendable, Equatable {
    public let battle: Battle
    public let plantName: String
    public let plantState: String
}

extension FormationStore {
    // MARK: Plants

    /// - Throws: `LookupError.duplicateName` when a plant already has this name.
    public func add(_ plant: Plant) throws {
        try write { db in
            if let existing = try PlantRecord.filter(Column("name") == plant.name).fetchOne(db) {
                throw LookupError.duplicateName(kind: .plant, name: plant.name, existing: String(existing.id.prefix(8)))
            }
            try PlantRecord(plant).insert(db)
        }
    }

    public func plants() throws -> [Plant] {
        try read { db in try PlantRecord.order(Column("name"), Column("id")).fetchAll(db).map { try $0.domain } }
    }

    public func plant(_ id: EntityID) throws -> Plant? {
        try read { db in try PlantRecord.fetchOne(db, key: id.rawValue)?.domain }
    }

    // MARK: People

    public func add(_ person: Person) throws {
        try write { db in try PersonRecord(person).insert(db) }
    }

    public func people() throws -> [PersonEntry] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT person.*, plant.name AS plantName FROM person
                LEFT JOIN plant ON plant.id = person.plantId ORDER BY person.name, person.id
                """)
            return try rows.map { row in PersonEntry(person: try PersonRecord(row: row).domain, plantName: row["plantName"]) }
        }
    }

    /// Every person as `people()` lists them, in batches of `size` read from a cursor: `person list
    /// --format json` at 100,000 people holds one batch, not everyone (issue 22).
    public func forEachPeopleBatch(size: Int = 500, _ body: ([PersonEntry]) throws -> Void) throws {
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT person.*, plant.name AS plantName FROM person
                LEFT JOIN plant ON plant.id = person.plantId ORDER BY person.name, person.id
                """)
            var batch: [PersonEntry] = []
            batch.reserveCapacity(size)
            while let row = try cursor.next() {
                batch.append(PersonEntry(person: try PersonRecord(row: row).domain, plantName: row["plantName"]))
                if batch.count == size {
                    try body(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { try body(batch) }
        }
    }

    public func person(_ id: EntityID) throws -> PersonEntry? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT person.*, plant.name AS plantName FROM person
                LEFT JOIN plant ON plant.id = person.plantId WHERE person.id = ?
                """, arguments: [id.rawValue]) else { return nil }
            return PersonEntry(person: try PersonRecord(row: row).domain, plantName: row["plantName"])
        }
    }

    // MARK: Battles

    public func add(_ battle: Battle) throws {
        try write { db in
            if let existing = try BattleRecord.filter(Column("name") == battle.name).fetchOne(db) {
                throw LookupError.duplicateName(kind: .battle, name: battle.name, existing: String(existing.id.prefix(8)))
            }
            try BattleRecord(battle).insert(db)
        }
    }

    public func battles() throws -> [BattleEntry] {
        try read { db in try fetchBattles(db, where: "1", arguments: []) }
    }

    public func battle(_ id: EntityID) throws -> BattleEntry? {
        try read { db in try fetchBattles(db, where: "battle.id = ?", arguments: [id.rawValue]).first }
    }

    private func fetchBattles(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [BattleEntry] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT battle.*, plant.name AS plantName, plant.state AS plantState FROM battle
            JOIN plant ON plant.id = battle.plantId WHERE \(condition)
            ORDER BY battle.startDate DESC, battle.name
            """, arguments: arguments)
        return try rows.map { row in
            BattleEntry(battle: try BattleRecord(row: row).domain, plantName: row["plantName"], plantState: row["plantState"])
        }
    }

    // MARK: Resolving what people type

    /// Finds the one plant, person, battle or session that `query` names: an exact name, else an
    /// unambiguous prefix of its id (a merged person's old id leads to the kept one).
    ///
    /// - Throws: `LookupError.notFound`, or `.ambiguous` listing the candidates as `name (id)`.
    public func resolve(_ kind: EntityKind, _ query: String) throws -> EntityID {
        let table: String
        switch kind {
        case .plant: table = "plant"
        case .person: table = "person"
        case .battle: table = "battle"
        case .session: table = "session"
        case .curriculum, .workshop: preconditionFailure("curricula and workshops are named by their slugs")
        }
        let text = query.trimmed
        return try read { db in
            if kind != .session {
                var matches = try Row.fetchAll(db, sql: "SELECT id, name FROM \(table) WHERE name = ? LIMIT 11", arguments: [text])
                if matches.isEmpty {
                    matches = try Row.fetchAll(db, sql: "SELECT id, name FROM \(table) WHERE name = ? COLLATE NOCASE LIMIT 11", arguments: [text])
                }
                if matches.count == 1 { return EntityID(trusted: matches[0]["id"]) }
                if matches.count > 1 { throw ambiguity(kind, text, matches) }
            }
            let prefix = text.lowercased()
            guard !prefix.isEmpty, prefix.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || $0 == 0x2D }) else {
                throw LookupError.notFound(kind: kind, query: text)
            }
            if kind == .person, let kept = try String.fetchOne(db, sql: "SELECT keptId FROM personAlias WHERE droppedId = ?", arguments: [prefix]) {
                return EntityID(trusted: kept)
            }
            let nameColumn = kind == .session ? "place" : "name"
            let matches = try Row.fetchAll(db, sql: """
                SELECT id, \(nameColumn) AS name FROM \(table) WHERE id >= ? AND id < ? ORDER BY id LIMIT 11
                """, arguments: [prefix, prefix + "\u{7F}"])
            if matches.count == 1 { return EntityID(trusted: matches[0]["id"]) }
            if matches.isEmpty { throw LookupError.notFound(kind: kind, query: text) }
            throw ambiguity(kind, text, matches)
        }
    }

    private func ambiguity(_ kind: EntityKind, _ query: String, _ rows: [Row]) -> LookupError {
        let candidates = rows.prefix(10).map { row -> String in
            let id: String = row["id"]
            let name: String = row["name"]
            return "\(name) (\(id.prefix(8)))"
        }
        return .ambiguous(kind: kind, query: query, candidates: candidates + (rows.count > 10 ? ["…"] : []))
    }
}
