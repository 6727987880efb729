public import FormationDomain
internal import Foundation
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
    /// --format json` at 100,000 people holds one batch, not everyone.
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

    /// The first `limit` people, in `people()`'s order (name, then id, as SQLite compares them:
    /// bytes), whose name `search` matches. The table is read in its own order, ids and names only
    /// (reading it in name order costs a lookup per row through the index); the whole entry is read
    /// only for those kept.
    public func people(matching search: NameSearch, limit: Int) throws -> [PersonEntry] {
        try read { db in
            var found: [(id: String, name: String)] = []
            var buffer: [UInt8] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT id, name FROM person")
            while let row = try rows.next() {
                let matched = try row.withUnsafeData(atIndex: 1) { data in
                    data.flatMap { $0.withUnsafeBytes { search.matches(utf8: $0, buffer: &buffer) } }
                }
                guard matched ?? search.matches(row[1]) else { continue }
                found.append((row[0], row[1]))
            }
            found.sort { a, b in
                a.name == b.name ? a.id.utf8.lexicographicallyPrecedes(b.id.utf8) : a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
            }
            return try found.prefix(limit).compactMap { entry in
                try Row.fetchOne(db, sql: """
                    SELECT person.*, plant.name AS plantName FROM person
                    LEFT JOIN plant ON plant.id = person.plantId WHERE person.id = ?
                    """, arguments: [entry.id]).map { PersonEntry(person: try PersonRecord(row: $0).domain, plantName: $0["plantName"]) }
            }
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

    /// The plant, person, battle or session that `query` names, as people type it:
    ///
    /// 1. an exact name (in Unicode NFC), then the same without regard to case;
    /// 2. the start of an id, of at least 4 characters (a merged person's old id leads to the kept one);
    /// 3. a name that matches once case, accents and spacing are folded (`maria perez` finds María Pérez).
    ///
    /// Ids come before folded names because only they are found through an index; a query that
    /// looks like an id (hex digits and dashes) and is also a folded name but not an exact one
    /// (case aside) does not happen with people's names.
    ///
    /// - Throws: `LookupError.ambiguous` listing the candidates with what tells them apart (a person's
    ///   plant; a session's workshop, place and time), or `.notFound` with the nearest names as
    ///   suggestions.
    public func resolve(_ kind: EntityKind, _ query: String) throws -> EntityID {
        precondition(kind != .curriculum && kind != .workshop, "curricula and workshops are named by their slugs")
        let table = table(of: kind)
        let text = NameFolding.composed(query)
        let prefix = text.lowercased()
        let isIDPrefix = prefix.utf8.count >= Self.minimumIDPrefix
            && prefix.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || $0 == 0x2D })
        return try read { db in
            let named = kind != .session && kind != .shift
            if named {
                var matches = try String.fetchAll(db, sql: "SELECT id FROM \(table) WHERE name = ? LIMIT 11", arguments: [text])
                if matches.isEmpty {
                    matches = try String.fetchAll(db, sql: "SELECT id FROM \(table) WHERE name = ? COLLATE NOCASE LIMIT 11", arguments: [text])
                }
                if matches.count == 1 { return EntityID(trusted: matches[0]) }
                if matches.count > 1 { throw try ambiguity(kind, text, matches, db) }
            }
            // An id (or its start) before the names folded one by one: a board's address or a
            // copied id is found by its index, not by folding 100,000 names first.
            if isIDPrefix {
                if kind == .person, let kept = try String.fetchOne(db, sql: "SELECT keptId FROM personAlias WHERE droppedId = ?", arguments: [prefix]) {
                    return EntityID(trusted: kept)
                }
                let matches = try String.fetchAll(db, sql: "SELECT id FROM \(table) WHERE id >= ? AND id < ? ORDER BY id LIMIT 11",
                                                  arguments: [prefix, prefix + "\u{7F}"])
                if matches.count == 1 { return EntityID(trusted: matches[0]) }
                if matches.count > 1 { throw try ambiguity(kind, text, matches, db) }
            }
            if named {
                let key = NameFolding.key(text), filter = NameFolding.KeyFilter(key: key)
                var matches: [String] = []
                let rows = try Row.fetchCursor(db, sql: "SELECT id, name FROM \(table)")
                while let row = try rows.next() {
                    let name: String = row[1]
                    if filter.admits(name), NameFolding.key(name) == key { matches.append(row[0]) }
                }
                if matches.count == 1 { return EntityID(trusted: matches[0]) }
                if matches.count > 1 { throw try ambiguity(kind, text, matches, db) }
            }
            let suggestions = kind == .session || kind == .shift ? []
                : NameFolding.suggestions(for: text, among: try String.fetchAll(db, sql: "SELECT name FROM \(table)"))
            throw LookupError.notFound(kind: kind, query: text, suggestions: suggestions)
        }
    }

    /// An id prefix shorter than this is not taken as one: `--plant 1` is a typing mistake, not the
    /// plant whose id happens to start with 1.
    public static let minimumIDPrefix = 4

    /// What tells candidates apart: a person's plant, a battle's dates, a session's workshop, place
    /// and local start, each with the start of its id.
    private func ambiguity(_ kind: EntityKind, _ query: String, _ ids: [String], _ db: Database) throws -> LookupError {
        let shown = Array(ids.prefix(10))
        let sql: String
        switch kind {
        case .person:
            sql = "SELECT person.id, person.name || coalesce(', ' || plant.name, '') FROM person LEFT JOIN plant ON plant.id = person.plantId WHERE person.id = ?"
        case .battle:
            sql = "SELECT id, name || ', ' || startDate || ' – ' || endDate FROM battle WHERE id = ?"
        case .session:
            sql = """
                SELECT session.id, session.curriculumId || '/' || session.workshopId || ' @ ' || session.place, session.start, battle.timeZone
                FROM session JOIN battle ON battle.id = session.battleId WHERE session.id = ?
                """
        case .shift:
            sql = """
                SELECT shift.id, person.name, shift.start, battle.timeZone FROM shift JOIN person ON person.id = shift.personId
                JOIN battle ON battle.id = shift.battleId WHERE shift.id = ?
                """
        default:
            sql = "SELECT id, name FROM \(table(of: kind)) WHERE id = ?"
        }
        var candidates: [String] = []
        for id in shown {
            guard let row = try Row.fetchOne(db, sql: sql, arguments: [id]) else { continue }
            var text: String = row[1]
            if kind == .session || kind == .shift, let start: Int64 = row[2], let zone: String = row[3] { text += ", " + Self.localTime(start, zone) }
            candidates.append("\(text) (\(id.prefix(8)))")
        }
        return .ambiguous(kind: kind, query: query, candidates: candidates + (ids.count > 10 ? ["…"] : []))
    }

    private func table(of kind: EntityKind) -> String {
        switch kind {
        case .plant: "plant"
        case .person: "person"
        case .battle: "battle"
        case .shift: "shift"
        default: "session"
        }
    }

    /// `2026-12-01 14:00` in `zone`: enough to tell two sessions apart in a list of candidates.
    private static func localTime(_ instant: Int64, _ zone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(instant)))
        func two(_ value: Int?) -> String { let v = value ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
    }
}
