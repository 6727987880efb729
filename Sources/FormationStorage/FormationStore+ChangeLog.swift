public import FormationDomain
internal import GRDB
internal import Foundation

/// The change log (DESIGN.md §8): every write transaction records its changeset, taken by
/// SQLite's session extension, beside the command line, the time and the user.
enum ChangeLogTables {
    /// The tables that hold user data, children before parents: a changeset lists its tables in
    /// this order, so an inverted one deletes rows that refer to others first (a cascade from a
    /// parent deleted first would leave the child's delete without its row, a conflict).
    static let recorded = ["prerequisite", "workshop", "curriculum", "recordedConflict", "participation", "shift",
                           "session", "qualification", "roster", "personAlias", "person", "battle", "plant"]
}

/// One entry of the change log as stored.
public struct ChangeEntry: Sendable, Equatable {
    public let number: Int
    public let id: String
    /// UTC, ISO 8601.
    public let time: String
    public let user: String
    public let command: String
    public let size: Int
    /// Why its changeset was not kept, when it was not.
    public let notUndoable: String?
    /// The entry this one undid.
    public let undoOf: Int?
    /// The entry that undid this one (and is itself still in effect).
    public var undoneBy: Int?
    /// Rows changed, per operation and table (from the changeset, or the summary when it was not kept).
    public let counts: [ChangeCount]
    /// The rows, when the changeset was kept and parses; nil for a damaged entry.
    public let rows: [ChangedRow]?
}

public struct ChangeCount: Sendable, Equatable {
    public let kind: ChangeOperation.Kind
    public let table: String
    public let count: Int

    public init(kind: ChangeOperation.Kind, table: String, count: Int) {
        self.kind = kind
        self.table = table
        self.count = count
    }
}

/// A row of a changeset with its columns by name, and names looked up for the ids it holds
/// (where they still exist, or from the changeset itself).
public struct ChangedRow: Sendable, Equatable {
    public let table: String
    public let kind: ChangeOperation.Kind
    /// Column name → value as text (after the change; before it, for a delete). Changed columns of an
    /// update are in `changed`.
    public let values: [String: String]
    public let changed: Set<String>
    /// For an update: the changed columns' values before it.
    public let before: [String: String]
}

/// `formation undo` refused.
public enum UndoRefused: Error, Sendable, Equatable {
    case empty
    case notFound(String)
    case alreadyUndone(number: Int, by: Int)
    case notUndoable(number: Int, reason: String)
    /// A later change touched the same rows, or rows that refer to them.
    case laterChange(number: Int, later: Int, command: String)
    /// Applying the inverse met rows changed since (found by SQLite, not by the log).
    case conflict(number: Int)
}

extension FormationStore {
    /// Starts recording a write transaction's changes.
    func startCapture(_ db: Database) throws -> ChangeCapture? {
        guard let connection = db.sqliteConnection else { return nil }
        return try ChangeCapture(connection: connection, tables: ChangeLogTables.recorded)
    }

    /// Runs `body` with a capture around it and logs what it changed.
    func logged<T>(_ db: Database, undoOf: Int?, _ body: () throws -> T) throws -> T {
        let capture = try startCapture(db)
        let result = try body()
        try log(capture, in: db, undoOf: undoOf)
        return result
    }

    /// Writes the log entry of `capture`, if anything changed.
    func log(_ capture: ChangeCapture?, in db: Database, undoOf: Int?) throws {
        guard let capture else { return }
        let changeset = try capture.changeset()
        guard !changeset.isEmpty else { return }
        let operations = try Changeset.operations(changeset)
        var counts: [String: Int] = [:]
        var order: [String] = []
        for operation in operations {
            let key = "\(operation.kind.rawValue) \(operation.table)"
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        let summary = order.map { "\($0) \(counts[$0]!)" }.joined(separator: "\n")
        let battles = try Self.battles(of: operations, in: db)
        let kept = changeset.count <= largestUndoable
        let reason = kept ? nil : "changeset of \(Self.megabytes(changeset.count)) MB, over the \(Self.megabytes(largestUndoable)) MB kept for undo"
        let time = ISO8601DateFormatter().string(from: Date())
        var id = ""
        repeat {
            id = String(UInt64.random(in: 0 ... UInt64.max) & 0xffff_ffff_ffff, radix: 16)
            id = String(repeating: "0", count: max(0, 12 - id.count)) + id
        } while try Bool.fetchOne(db, sql: "SELECT 1 FROM changeLog WHERE id = ?", arguments: [id]) ?? false
        try db.execute(sql: """
            INSERT INTO changeLog (id, time, user, command, changeset, size, notUndoable, summary, battles, undoOf)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, time, change.user, change.command, kept ? Data(changeset) : nil, changeset.count, reason,
                             summary, battles.isEmpty ? "" : " " + battles.sorted().joined(separator: " ") + " ", undoOf])
        logged.number = Int(db.lastInsertedRowID)
    }

    /// The change this store logged last (in this process), as `log` shows it; nil before any.
    public func lastLoggedChange() throws -> ChangeEntry? {
        guard let number = logged.number else { return nil }
        return try changeEntries(number: number).first
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_048_576)
    }

    /// The battles whose sessions, shifts or participations (or the battle itself) `operations` touch.
    private static func battles(of operations: [ChangeOperation], in db: Database) throws -> Set<String> {
        var battles = Set<String>()
        var sessionsInChange: [String: String] = [:]
        var sessionsToLook = Set<String>()
        for operation in operations {
            switch operation.table {
            case "battle", "roster": if let id = operation.key.first?.text { battles.insert(id) }
            case "session":
                if let session = operation.key.first?.text {
                    if let battle = operation.value(1)?.text {
                        sessionsInChange[session] = battle
                        battles.insert(battle)
                    } else {
                        sessionsToLook.insert(session)
                    }
                }
            case "shift":
                if let battle = operation.value(1)?.text { battles.insert(battle) }
                else if let shift = operation.key.first?.text,
                        let battle = try String.fetchOne(db, sql: "SELECT battleId FROM shift WHERE id = ?", arguments: [shift]) {
                    battles.insert(battle)
                }
            case "participation", "recordedConflict":
                if let session = operation.key.first?.text { sessionsToLook.insert(session) }
            default: break
            }
        }
        for session in sessionsToLook where sessionsInChange[session] == nil {
            if let battle = try String.fetchOne(db, sql: "SELECT battleId FROM session WHERE id = ?", arguments: [session]) {
                battles.insert(battle)
            }
        }
        return battles
    }

    // MARK: Reading

    /// Entries newest first; with `battle`, those that touched it; at most `limit`.
    /// The number of the newest change-log entry (0 when none): it grows with every logged write,
    /// so a reader can tell that nothing changed since it last looked.
    public func lastChangeNumber() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT IFNULL(MAX(number), 0) FROM changeLog") ?? 0 }
    }

    public func changeEntries(battle: EntityID? = nil, limit: Int? = nil, number: Int? = nil) throws -> [ChangeEntry] {
        try read { db in
            let undone = try Self.undone(db)
            var sql = "SELECT number, id, time, user, command, changeset, size, notUndoable, summary, undoOf FROM changeLog"
            var arguments: StatementArguments = []
            if let number {
                sql += " WHERE number = ?"
                arguments += [number]
            } else if let battle {
                sql += " WHERE battles LIKE ?"
                arguments += ["% \(battle.rawValue) %"]
            }
            sql += " ORDER BY number DESC"
            if let limit {
                sql += " LIMIT ?"
                arguments += [limit]
            }
            // Rows gone from the database (a person merged away, a session undone) are named from
            // the changesets that added or removed them, read only when a name is missing.
            var graveyard: [String: [String: String]]?
            let gone: (String) throws -> [String: String]? = { key in
                if graveyard == nil { graveyard = try Self.graveyard(db) }
                return graveyard?[key]
            }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                try Self.entry(row, undone: undone, db: db, gone: gone)
            }
        }
    }

    /// Entries whose changeset does not parse, or whose summary is unreadable: for `check`.
    public func damagedChangeEntries() throws -> [(number: Int, detail: String)] {
        try read { db in
            var found: [(Int, String)] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT number, changeset, size, notUndoable FROM changeLog ORDER BY number")
            while let row = try rows.next() {
                let number: Int = row[0]
                let changeset: Data? = row[1]
                let notUndoable: String? = row[3]
                if let changeset {
                    do { _ = try Changeset.operations([UInt8](changeset)) } catch {
                        found.append((number, "changeset does not parse"))
                        continue
                    }
                    if changeset.isEmpty { found.append((number, "changeset is empty")) }
                } else if notUndoable == nil {
                    found.append((number, "changeset is missing and no reason is given"))
                }
            }
            return found
        }
    }

    /// Rows of people, sessions, battles and plants as every kept changeset added or removed them,
    /// by `table:id`.
    private static func graveyard(_ db: Database) throws -> [String: [String: String]] {
        var found: [String: [String: String]] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT changeset FROM changeLog WHERE changeset IS NOT NULL ORDER BY number DESC")
        while let row = try rows.next() {
            guard let data = row[0] as Data?, let operations = try? Changeset.operations([UInt8](data)) else { continue }
            for operation in operations where operation.kind != .update && ["person", "session", "battle", "plant"].contains(operation.table) {
                let described = try describe(operation, db: db)
                if let id = described.values["id"], found[operation.table + ":" + id] == nil {
                    found[operation.table + ":" + id] = described.values
                }
            }
        }
        return found
    }

    private static func entry(_ row: Row, undone: [Int: Int], db: Database,
                              gone: (String) throws -> [String: String]? = { _ in nil }) throws -> ChangeEntry {
        let number: Int = row["number"]
        let changeset: Data? = row["changeset"]
        var rows: [ChangedRow]?
        var counts: [ChangeCount] = []
        let summary: String = row["summary"] ?? ""
        for line in summary.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 3, let kind = ChangeOperation.Kind(rawValue: String(parts[0])), let count = Int(parts[2]) {
                counts.append(ChangeCount(kind: kind, table: String(parts[1]), count: count))
            }
        }
        if let changeset, let operations = try? Changeset.operations([UInt8](changeset)) {
            var known: [String: [String: String]] = [:]
            var described: [ChangedRow] = []
            for operation in operations {
                let row = try describe(operation, db: db)
                if let id = row.values["id"], ["person", "session", "battle", "plant"].contains(operation.table) {
                    known[operation.table + ":" + id] = row.values
                }
                described.append(row)
            }
            rows = try described.map { try enriched($0, known: known, db: db, gone: gone) }
        }
        return ChangeEntry(number: number, id: row["id"], time: row["time"], user: row["user"], command: row["command"],
                           size: row["size"], notUndoable: row["notUndoable"], undoOf: row["undoOf"], undoneBy: undone[number],
                           counts: counts, rows: rows)
    }

    /// Columns of `table` in order, as the changeset numbers them.
    private static func columns(_ table: String, db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
    }

    private static func text(_ value: ChangeValue?) -> String? {
        switch value {
        case .text(let text): text
        case .integer(let value): String(value)
        case .real(let value): String(value)
        default: nil
        }
    }

    /// A stored value as text (blobs and NULL: nil).
    private static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .string(let text): text
        case .int64(let number): String(number)
        case .double(let number): String(number)
        default: nil
        }
    }

    /// A row with its columns by name; an update's unchanged columns read from the database.
    private static func describe(_ operation: ChangeOperation, db: Database) throws -> ChangedRow {
        let names = try columns(operation.table, db: db)
        var values: [String: String] = [:]
        var changed = Set<String>()
        var before: [String: String] = [:]
        for (index, name) in names.enumerated() where index < operation.old.count {
            if let value = text(operation.value(index)) { values[name] = value }
            if operation.kind == .update, let new = operation.new[index] {
                changed.insert(name)
                if let old = text(operation.old[index]) { before[name] = old }
                _ = new
            }
        }
        if operation.kind == .update {
            let keyColumns = names.enumerated().filter { operation.primaryKey.indices.contains($0.offset) && operation.primaryKey[$0.offset] }
            let condition = keyColumns.map { "\"\($0.element)\" = ?" }.joined(separator: " AND ")
            if !condition.isEmpty, let row = try Row.fetchOne(db, sql: "SELECT * FROM \"\(operation.table)\" WHERE \(condition)",
                                                               arguments: StatementArguments(keyColumns.map { values[$0.element] })) {
                for name in names where values[name] == nil {
                    if let value = text(row[name] as DatabaseValue) { values[name] = value }
                }
            }
        }
        return ChangedRow(table: operation.table, kind: operation.kind, values: values, changed: changed, before: before)
    }

    /// References to other rows filled in with what a reader needs: a person's or plant's name, a
    /// session's workshop, place and start, a battle's time zone (`personId.name`, `sessionId.place`…).
    /// Rows gone from the database are found in the same changeset, or stay as ids.
    private static func enriched(_ row: ChangedRow, known: [String: [String: String]], db: Database,
                                 gone: (String) throws -> [String: String]?) throws -> ChangedRow {
        var values = row.values
        func lookUp(_ table: String, _ id: String) throws -> [String: String]? {
            if let found = known[table + ":" + id] { return found }
            guard let found = try Row.fetchOne(db, sql: "SELECT * FROM \"\(table)\" WHERE id = ?", arguments: [id]) else {
                return try gone(table + ":" + id)
            }
            var result: [String: String] = [:]
            for name in found.columnNames {
                if let text = Self.text(found[name] as DatabaseValue) { result[name] = text }
            }
            return result
        }
        // An update of a row gone since (a session cancelled, then removed by an undo) keeps only
        // its key and changed columns: the rest comes from the changesets.
        if row.kind == .update, ["person", "session", "battle", "plant"].contains(row.table), let id = row.values["id"],
           try Row.fetchOne(db, sql: "SELECT 1 FROM \"\(row.table)\" WHERE id = ?", arguments: [id]) == nil,
           let found = try gone(row.table + ":" + id) {
            for (name, value) in found where values[name] == nil { values[name] = value }
        }
        let references: [(String, String)] = [("personId", "person"), ("keptId", "person"), ("droppedId", "person"),
                                              ("sessionId", "session"), ("battleId", "battle"), ("plantId", "plant")]
        for (column, table) in references {
            guard let id = row.values[column], let found = try lookUp(table, id) else { continue }
            for (name, value) in found where name != "id" { values[column + "." + name] = value }
            if table == "session", let battle = found["battleId"], let zone = try lookUp("battle", battle)?["timeZone"] {
                values["sessionId.timeZone"] = zone
            }
        }
        if row.table == "session" || row.table == "shift", let battle = values["battleId"],
           let zone = try lookUp("battle", battle)?["timeZone"] {
            values["timeZone"] = zone
        }
        return ChangedRow(table: row.table, kind: row.kind, values: values, changed: row.changed, before: row.before)
    }

    /// Each entry undone by an undo that is itself in effect → that undo. Newest first: an undo
    /// undone (a redo) no longer counts.
    static func undone(_ db: Database) throws -> [Int: Int] {
        var undone: [Int: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT number, undoOf FROM changeLog WHERE undoOf IS NOT NULL ORDER BY number DESC") {
            let number: Int = row[0], target: Int = row[1]
            if undone[number] == nil, undone[target] == nil { undone[target] = number }
        }
        return undone
    }

    // MARK: Undo

    /// Reverts one change (`selector`: its number, `#number` or an id prefix; nil: the newest change
    /// in effect that is not itself an undo) in one transaction, logged as an undo of it.
    /// - Returns: the entry undone.
    /// - Throws: `UndoRefused`.
    public func undo(_ selector: String?) throws -> ChangeEntry {
        do {
            return try writer.write { db in
                let target = try Self.target(selector, db: db)
                let undone = try Self.undone(db)
                if let by = undone[target] { throw UndoRefused.alreadyUndone(number: target, by: by) }
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM changeLog WHERE number = ?", arguments: [target]) else {
                    throw UndoRefused.notFound(selector ?? "")
                }
                guard let data = row["changeset"] as Data? else {
                    throw UndoRefused.notUndoable(number: target, reason: row["notUndoable"] ?? "")
                }
                let changeset = [UInt8](data)
                let operations = try Changeset.operations(changeset)
                if let later = try Self.laterDependent(on: target, operations: operations, undone: undone, db: db) {
                    throw UndoRefused.laterChange(number: target, later: later.number, command: later.command)
                }
                let entry = try Self.entry(row, undone: undone, db: db)
                try logged(db, undoOf: target) {
                    guard let connection = db.sqliteConnection else { return }
                    guard try Changeset.apply(try Changeset.inverted(changeset), to: connection) else {
                        throw UndoRefused.conflict(number: target)
                    }
                }
                return entry
            }
        } catch let error as DatabaseError {
            throw StorageError(error, path: path)
        } catch let error as ChangesetError {
            throw StorageError.other("change log: SQLite session error \(error.code)")
        }
    }

    private static func target(_ selector: String?, db: Database) throws -> Int {
        guard var selector = selector?.trimmingCharacters(in: .whitespaces), !selector.isEmpty else {
            let undone = try undone(db)
            for number in try Int.fetchAll(db, sql: "SELECT number FROM changeLog WHERE undoOf IS NULL ORDER BY number DESC")
            where undone[number] == nil {
                return number
            }
            throw UndoRefused.empty
        }
        if selector.hasPrefix("#") { selector.removeFirst() }
        if let number = Int(selector), try Bool.fetchOne(db, sql: "SELECT 1 FROM changeLog WHERE number = ?", arguments: [number]) ?? false {
            return number
        }
        let prefix = selector.lowercased()
        if prefix.count >= 4, prefix.allSatisfy(\.isHexDigit) {
            let found = try Int.fetchAll(db, sql: "SELECT number FROM changeLog WHERE id LIKE ? ESCAPE '\\'", arguments: [prefix + "%"])
            if found.count == 1 { return found[0] }
        }
        throw UndoRefused.notFound(selector)
    }

    /// The newest change after `number`, still in effect, that touched a row of `operations` or holds
    /// the id of a row it added or removed (a row that refers to it).
    private static func laterDependent(on number: Int, operations: [ChangeOperation], undone: [Int: Int],
                                       db: Database) throws -> (number: Int, command: String)? {
        var rows = Set<String>()
        var ids = Set<ChangeValue>()
        for operation in operations {
            rows.insert(operation.table + "\u{1}" + operation.key.map { "\($0)" }.joined(separator: "\u{1}"))
            if operation.kind != .update, operation.key.count == 1, case .text = operation.key[0] { ids.insert(operation.key[0]) }
        }
        let later = try Row.fetchAll(db, sql: """
            SELECT number, command, changeset, undoOf FROM changeLog WHERE number > ? ORDER BY number DESC
            """, arguments: [number])
        for row in later {
            let laterNumber: Int = row[0]
            if undone[laterNumber] != nil { continue }
            // An undo of a change that is itself later: the pair changed nothing.
            if let of = row[3] as Int?, of > number { continue }
            guard let data = row[2] as Data? else { continue }
            for operation in try Changeset.operations([UInt8](data)) {
                let key = operation.table + "\u{1}" + operation.key.map { "\($0)" }.joined(separator: "\u{1}")
                let refers = (operation.old + operation.new).contains { $0.map { ids.contains($0) } ?? false }
                if rows.contains(key) || refers { return (laterNumber, row[1]) }
            }
        }
        return nil
    }
}
