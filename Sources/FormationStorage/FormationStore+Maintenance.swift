import FormationDomain
internal import GRDB
internal import Foundation

/// What `formation check` reads in one consistent snapshot: SQLite's own checks, and the rows the
/// domain's invariants are tested on (the use case judges the rows that need a time zone).
public struct StoreAudit: Sendable, Equatable {
    /// A row whose foreign key points at nothing (`PRAGMA foreign_key_check`).
    public struct ForeignKeyViolation: Sendable, Equatable {
        public let table: String
        /// The row's id (or rowid); nil in a WITHOUT ROWID table, where SQLite cannot name it.
        public let row: String?
        public let parent: String
    }

    /// A participation whose session is missing.
    public struct OrphanParticipation: Sendable, Equatable {
        public let session: String
        public let person: String
    }

    /// A session (or shift) with its times, and its battle's days and zone when the battle exists.
    /// Times that are not integers (a damaged row) read as nil.
    public struct Span: Sendable, Equatable {
        public let id: String
        public let start: Int64?
        public let end: Int64?
        public let battleStart: String?
        public let battleEnd: String?
        public let timeZone: String?
    }

    /// A session whose workshop is not stored.
    public struct SessionWorkshop: Sendable, Equatable {
        public let session: String
        public let workshop: String
    }

    /// A prerequisite whose required workshop is not stored (`curriculum/workshop` both).
    public struct DanglingPrerequisite: Sendable, Equatable {
        public let workshop: String
        public let required: String
    }

    /// A battle's stored dates as text (nil: not text at all).
    public struct BattleDates: Sendable, Equatable {
        public let id: String
        public let start: String?
        public let end: String?
    }

    /// A way the schema differs from this version's (`ExpectedSchema`).
    public struct SchemaDifference: Sendable, Equatable {
        public let table: String
        public let detail: String
    }

    public var schema: [SchemaDifference] = []
    /// `PRAGMA integrity_check` lines other than "ok".
    public var integrity: [String] = []
    public var foreignKeys: [ForeignKeyViolation] = []
    public var orphanParticipations: [OrphanParticipation] = []
    public var sessionsWithoutWorkshop: [SessionWorkshop] = []
    public var danglingPrerequisites: [DanglingPrerequisite] = []
    public var battles: [BattleDates] = []
    public var sessions: [Span] = []
    public var shifts: [Span] = []
}

extension FormationStore {
    /// Reads everything `formation check` judges, in one read transaction.
    ///
    /// A damaged file may fail before any check can run: that failure is thrown as usual
    /// (`StorageError.notADatabase` for SQLITE_CORRUPT). A schema that differs from this version's
    /// is reported with SQLite's own checks, and the rows are not read (their queries assume it).
    /// Values are read without assuming their type: a damaged row is reported, not fatal.
    ///
    /// - Parameters:
    ///   - plausible: stored times outside this range are damage (`check` reports them).
    ///   - window: for a battle's stored start date, end date and time zone, a span of instants that
    ///     certainly lies within its days (nil when the battle's values cannot say). Sessions that are
    ///     plainly sound (integer times in `plausible`, in order, within their battle's window) and
    ///     shifts with sound times are then left out of `sessions` and `shifts`: at two million
    ///     participations that is ~350,000 rows nobody needs to look at one by one. Without
    ///     it, every session and shift is listed.
    ///   - phase: told the name of each step as it starts ("schema", "integrity", "foreign keys",
    ///     "programme rules"), for a progress line.
    public func audit(plausible: Range<Int64>? = nil,
                      window: ((String, String, String) -> (from: Int64, to: Int64)?)? = nil,
                      phase: (String) -> Void = { _ in }) throws -> StoreAudit {
        try read { db in
            var audit = StoreAudit()
            phase("schema")
            audit.schema = try ExpectedSchema.differences(db, indexes: true).map { StoreAudit.SchemaDifference(table: $0.table, detail: $0.detail) }
            phase("integrity")
            audit.integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            phase("foreign keys")
            audit.foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                let table: String = row[0]
                return StoreAudit.ForeignKeyViolation(table: table, row: try Self.key(of: row[1], in: table, db), parent: row[2])
            }
            guard audit.schema.allSatisfy({ $0.detail.hasPrefix("index ") }) else { return audit }
            phase("programme rules")
            // `foreign_key_check` already looked up every participation's session: the per-row
            // query (two million lookups) runs only when it found some pointing at nothing.
            let declared = try Self.declaresSessionKey(db)
            let orphansPossible = plausible == nil || !declared
                || audit.foreignKeys.contains { $0.table == "participation" && $0.parent == "session" }
            if orphansPossible { audit.orphanParticipations = try Row.fetchAll(db, sql: """
                SELECT sessionId, personId FROM participation
                WHERE NOT EXISTS (SELECT 1 FROM session WHERE session.id = participation.sessionId)
                ORDER BY sessionId, personId
                """).map { StoreAudit.OrphanParticipation(session: $0["sessionId"], person: $0["personId"]) } }
            audit.sessionsWithoutWorkshop = try Row.fetchAll(db, sql: """
                SELECT session.id, session.curriculumId, session.workshopId FROM session
                WHERE NOT EXISTS (SELECT 1 FROM workshop
                                  WHERE workshop.curriculumId = session.curriculumId AND workshop.id = session.workshopId)
                ORDER BY session.id
                """).map { row in
                let curriculum: String? = row["curriculumId"]
                let workshop: String = row["workshopId"]
                return StoreAudit.SessionWorkshop(session: row["id"], workshop: curriculum.map { "\($0)/\(workshop)" } ?? workshop)
            }
            audit.danglingPrerequisites = try Row.fetchAll(db, sql: """
                SELECT curriculumId, workshopId, requiredCurriculumId, requiredWorkshopId FROM prerequisite
                WHERE NOT EXISTS (SELECT 1 FROM workshop
                                  WHERE workshop.curriculumId = prerequisite.requiredCurriculumId AND workshop.id = prerequisite.requiredWorkshopId)
                ORDER BY curriculumId, workshopId, position
                """).map { row in
                StoreAudit.DanglingPrerequisite(workshop: "\(row[0] as String)/\(row[1] as String)", required: "\(row[2] as String)/\(row[3] as String)")
            }
            audit.sessions = try Self.spans(db, table: "session", plausible: plausible, windows: window.map { try Self.windows(db, $0) })
            audit.shifts = try Self.spans(db, table: "shift", plausible: plausible, windows: nil)
            audit.battles = try Row.fetchAll(db, sql: "SELECT id, startDate, endDate FROM battle ORDER BY id").map { row in
                StoreAudit.BattleDates(id: String.fromDatabaseValue(row[0]) ?? "?", start: String.fromDatabaseValue(row[1]),
                                       end: String.fromDatabaseValue(row[2]))
            }
            return audit
        }
    }

    /// Whether `participation.sessionId` is declared as a foreign key to `session` (so that
    /// `foreign_key_check` covers orphans).
    private static func declaresSessionKey(_ db: Database) throws -> Bool {
        try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(participation)").contains { row in
            String.fromDatabaseValue(row["table"]) == "session" && String.fromDatabaseValue(row["from"]) == "sessionId"
        }
    }

    /// Each battle's window by id (battles whose values say nothing are left out).
    private static func windows(_ db: Database, _ window: (String, String, String) -> (from: Int64, to: Int64)?) throws -> [String: (from: Int64, to: Int64)] {
        var result: [String: (from: Int64, to: Int64)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, startDate, endDate, timeZone FROM battle") {
            guard let id = String.fromDatabaseValue(row[0]), let start = String.fromDatabaseValue(row[1]),
                  let end = String.fromDatabaseValue(row[2]), let zone = String.fromDatabaseValue(row[3]),
                  let span = window(start, end, zone) else { continue }
            result[id] = span
        }
        return result
    }

    /// The spans of `table`, in time order; with `plausible`, only those whose times are not plainly
    /// sound (and, with `windows`, sessions not plainly within their battle's window). The rows are
    /// read once by position and judged with integer comparisons; only the others are read whole.
    /// (A correlated query against the windows scanned all 2,000 of them for each of 175,000
    /// sessions: 17 s at L.)
    private static func spans(_ db: Database, table: String, plausible: Range<Int64>?,
                              windows: [String: (from: Int64, to: Int64)]?) throws -> [StoreAudit.Span] {
        let select = """
            SELECT \(table).id, \(table).start, \(table)."end", battle.startDate, battle.endDate, battle.timeZone
            FROM \(table) LEFT JOIN battle ON battle.id = \(table).battleId
            """
        guard let plausible else { return try spanRows(db, sql: select + " ORDER BY \(table).start, \(table).id", arguments: []) }
        var suspicious: [Int64] = []
        let cursor = try Row.fetchCursor(db, sql: "SELECT rowid, battleId, start, \"end\" FROM \(table)")
        while let row = try cursor.next() {
            let rowid: Int64 = row[0]
            guard let start = integer(row[2]), let end = integer(row[3]), start < end,
                  plausible.contains(start), plausible.contains(end) else {
                suspicious.append(rowid)
                continue
            }
            if let windows {
                let battle: DatabaseValue = row[1]
                guard let id = String.fromDatabaseValue(battle), let window = windows[id], start >= window.from, end <= window.to else {
                    suspicious.append(rowid)
                    continue
                }
            }
        }
        var result: [StoreAudit.Span] = []
        for chunk in stride(from: 0, to: suspicious.count, by: 500).map({ Array(suspicious[$0..<min($0 + 500, suspicious.count)]) }) {
            result += try spanRows(db, sql: select + " WHERE \(table).rowid IN (\(placeholders(chunk.count)))",
                                   arguments: StatementArguments(chunk))
        }
        // In time order, as the whole table was read before (times that are not integers first, by id).
        return result.sorted { ($0.start ?? .min, $0.id) < ($1.start ?? .min, $1.id) }
    }

    private static func spanRows(_ db: Database, sql: String, arguments: StatementArguments) throws -> [StoreAudit.Span] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            // By DatabaseValue: GRDB stops the process on a value it cannot convert.
            StoreAudit.Span(id: String.fromDatabaseValue(row[0]) ?? "?", start: Self.integer(row[1]), end: Self.integer(row[2]),
                            battleStart: String.fromDatabaseValue(row[3]), battleEnd: String.fromDatabaseValue(row[4]),
                            timeZone: String.fromDatabaseValue(row[5]))
        }
    }

    /// An integer column's value, nil unless it is stored as an integer.
    private static func integer(_ value: DatabaseValue) -> Int64? {
        if case .int64(let number) = value.storage { return number }
        return nil
    }

    /// `foreign_key_check` names a row by rowid: shown as the row's `id` where the table has one.
    /// WITHOUT ROWID tables give no rowid (nil).
    private static func key(of rowid: DatabaseValue, in table: String, _ db: Database) throws -> String? {
        guard let rowid = Int64.fromDatabaseValue(rowid) else { return nil }
        let id = try? String.fetchOne(db, sql: "SELECT id FROM \(table) WHERE rowid = ?", arguments: [rowid])
        return id ?? String(rowid)
    }

    /// Copies the whole database into a new SQLite file at `path` with SQLite's online backup: one
    /// consistent snapshot, taken while other processes go on writing (they wait for nothing; the
    /// copy holds only a read transaction). The copy is left in rollback-journal mode, a single
    /// self-contained file; `formation` turns it back to WAL when it opens it.
    ///
    /// `path` must not exist yet (callers write to a temporary name and rename).
    /// - Throws: `StorageError` when the copy cannot be written.
    public func backup(toNewFile path: String) throws {
        do {
            let destination = try DatabaseQueue(path: path)
            try writer.backup(to: destination)
            try destination.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
            }
            try destination.close()
        } catch {
            throw StorageError(error, path: path)
        }
    }
}
