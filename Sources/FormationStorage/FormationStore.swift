public import FormationDomain
internal import GRDB
internal import Foundation

/// The SQLite database of one machine: opens it, refuses one from a newer version, migrates it,
/// and maps SQLite's failures to `StorageError`.
///
/// WAL journal with `synchronous=FULL`: a committed change survives a power cut, and a killed
/// process leaves the database as it was before the command (DESIGN.md §6). Every write is one
/// transaction that takes the write lock at `BEGIN IMMEDIATE` (GRDB 7's default for `write`, and
/// explicit in `inCurriculumTransaction`), so it waits up to `busyTimeout` for other `formation`
/// processes instead of failing at once when a read inside it would have to be upgraded.
public struct FormationStore: Sendable {
    let writer: any DatabaseWriter
    public let path: String
    /// What the change log records with each write of this store (command line, user).
    public var change: ChangeDescription = .unnamed
    /// A changeset larger than this is not kept: the change is logged as not undoable, so that the
    /// log does not double the database after a large import.
    public var largestUndoable = 16 << 20
    /// The number of the change this store logged last, so that a command can say what it did in
    /// the log's own words (`lastLoggedChange`).
    let logged = LoggedChange()
    /// Set by `interrupt()` (Ctrl-C), from any thread.
    let interruption = Interruption()

    /// How long a write waits for another process before giving up with `StorageError.busy`.
    public static let busyTimeout: Double = 30

    /// What opening may create when the database is not there yet.
    public enum Creation: Sendable {
        /// Nothing: a command that only reads says the database is missing (`StorageError.missing`).
        case nothing
        /// The file, in a folder that must exist (`StorageError.folderMissing`): a path typed by a person.
        case file
        /// The file and its folder: the default location, on the first command that writes.
        case fileAndFolder
    }

    /// Opens (creating it and its folder if needed, as `creating` allows) the database at `path`.
    ///
    /// Opening waits for other processes too (up to `busyTimeout`): SQLite answers SQLITE_BUSY
    /// without calling its busy handler while the last connection to close cleans up the WAL, or
    /// while the first one after a crash recovers it, so those are retried here.
    ///
    /// - Parameters:
    ///   - verifySchema: refuse a schema other than `ExpectedSchema` (`StorageError.damaged`);
    ///     only `formation check`, which reports what differs, opens without it.
    ///   - readers: with more than 0, a pool of that many read connections beside the one that
    ///     writes, so that reads run side by side (the board serving many phones); a command
    ///     keeps one connection.
    /// - Throws: `StorageError` when the file is not SQLite, is read-only, was written by a newer
    ///   version, or its schema is damaged.
    public init(path: String, busyTimeout: Double = FormationStore.busyTimeout, verifySchema: Bool = true,
                creating: Creation = .fileAndFolder, readers: Int = 0) throws(StorageError) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        switch creating {
        case .nothing:
            guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
        case .file:
            var isDirectory: ObjCBool = false
            if !folder.isEmpty, !(FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue) {
                throw .folderMissing(path: path, folder: folder)
            }
        case .fileAndFolder: break
        }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        // Our own WAL set-up rather than GRDB's `journalMode = .wal`, which writes a throw-away
        // table in a deferred savepoint whenever the -wal file is missing (each time the last
        // process closed the database): that write fails at once with SQLITE_BUSY, whatever the
        // busy timeout, when several processes open the database together.
        config.prepareDatabase { db in
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw DatabaseError(resultCode: .SQLITE_CANTOPEN, message: "cannot use a write-ahead log here")
                }
            }
            // FULL (GRDB's WAL set-up would choose NORMAL) makes every commit durable on power loss.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
        } catch {
            throw .cannotOpen(path: path, reason: error.localizedDescription)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .cannotOpen(path: path, reason: "is a directory")
        }
        let exists = FileManager.default.fileExists(atPath: path)
        do {
            writer = try Self.retryingWhileBusy(until: Date(timeIntervalSinceNow: busyTimeout)) {
                if exists { try Self.refuseIfSuperseded(path: path) }
                var poolConfig = config
                poolConfig.maximumReaderCount = max(readers, 1)
                let queue: any DatabaseWriter = readers > 0 ? try DatabasePool(path: path, configuration: poolConfig)
                    : try DatabaseQueue(path: path, configuration: config)
                try Self.migrate(queue)
                if verifySchema, let first = try queue.read({ try ExpectedSchema.differences($0, indexes: false) }).first {
                    throw StorageError.damaged(path: path, detail: first.detail)
                }
                return queue
            }
        } catch {
            // In a folder nobody may write to, the log cannot be created: read-only commands still
            // read (writes then fail as read-only, exit 74).
            guard exists, access((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent, W_OK) != 0,
                  let queue = try? Self.openReadOnly(path: path, busyTimeout: busyTimeout)
            else { throw StorageError(error, path: path) }
            writer = queue
        }
    }

    /// A read-only connection to a database whose folder is read-only. Without a `-wal` file
    /// (the last process checkpointed and removed it) the database is whole in its file and
    /// opened `immutable`: SQLite then needs no `-shm` either, which it could not create. With a
    /// `-wal` left beside it, SQLite reads both as usual.
    /// - Throws: `StorageError.readOnly` when the database still needs migrating.
    private static func openReadOnly(path: String, busyTimeout: Double) throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        let name = FileManager.default.fileExists(atPath: path + "-wal") ? path
            : "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "?immutable=1"
        let queue = try DatabaseQueue(path: name, configuration: config)
        try queue.read { db in
            guard try Migrations.migrator.hasCompletedMigrations(db) else { throw StorageError.readOnly(path: path) }
        }
        return queue
    }

    /// Runs `body` again, a little later each time, while it fails with SQLITE_BUSY and `deadline`
    /// has not passed. Only for work that writes nothing until it succeeds (opening, migrating).
    private static func retryingWhileBusy<T>(until deadline: Date, _ body: () throws -> T) throws -> T {
        var pause = 0.002
        while true {
            do {
                return try body()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: pause)
                pause = min(pause * 2, 0.05)
            }
        }
    }

    /// Checks the schema version on a read-only connection, so that a database from a newer
    /// formation is refused before anything (even the WAL set-up) writes to it.
    private static func refuseIfSuperseded(path: String) throws {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        try queue.read { db in
            guard try db.tableExists("grdb_migrations") else { return }
            if try Migrations.migrator.hasBeenSuperseded(db) {
                let known = Set(Migrations.migrator.migrations)
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                throw StorageError.tooNew(path: path, unknownMigrations: applied.filter { !known.contains($0) }.sorted())
            }
        }
    }

    /// Wraps a connection as it is, without set-up or migrations (tests: a read-only connection).
    init(writer: any DatabaseWriter, path: String) {
        self.writer = writer
        self.path = path
    }

    /// A private database in memory, for tests.
    public static func inMemory() throws(StorageError) -> FormationStore {
        try FormationStore(inMemory: ())
    }

    private init(inMemory: Void) throws(StorageError) {
        path = ":memory:"
        do {
            writer = try DatabaseQueue()
            try Self.migrate(writer)
        } catch {
            throw StorageError(error, path: path)
        }
    }

    /// Brings the schema up to date. Most opens find nothing to do and only read. When several
    /// processes open a new database at once, each migration runs in one of them (the others wait
    /// for its lock, then find its tables already there): that failure is not an error.
    private static func migrate(_ writer: any DatabaseWriter) throws {
        let migrator = Migrations.migrator
        if try writer.read({ db in try migrator.hasCompletedMigrations(db) }) { return }
        do {
            try migrator.migrate(writer)
        } catch {
            if let done = try? writer.read({ db in try migrator.hasCompletedMigrations(db) }), done { return }
            throw error
        }
    }

    /// Runs `body` in one write transaction: all of it is committed or none of it, and what it
    /// changed is one entry of the change log.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write { db in
                try logged(db, undoOf: nil) {
                    let result = try body(db)
                    try refuseIfInterrupted()
                    return result
                }
            }
        } catch let error as DatabaseError {
            throw StorageError(error, path: path)
        } catch let error as RowDecodingError {
            throw StorageError.damaged(path: path, detail: String(describing: error))
        } catch let error as ChangesetError {
            throw StorageError.other("change log: SQLite session error \(error.code)")
        } catch let error as UnknownStoredValue {
            throw StorageError.damaged(path: path, detail: error.detail)
        }
    }

    /// Runs `body` with a consistent read-only view.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch let error as DatabaseError {
            throw StorageError(error, path: path)
        } catch let error as RowDecodingError {
            throw StorageError.damaged(path: path, detail: String(describing: error))
        } catch let error as UnknownStoredValue {
            throw StorageError.damaged(path: path, detail: error.detail)
        }
    }

}

extension StorageError {
    /// Maps SQLite's result codes to what a person can act on.
    init(_ error: any Error, path: String) {
        if let storage = error as? StorageError {
            self = storage
            return
        }
        guard let error = error as? DatabaseError else {
            self = .other(String(describing: error))
            return
        }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: self = .notADatabase(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy(path: path)
        case .SQLITE_READONLY: self = .readOnly(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: self = .cannotOpen(path: path, reason: Self.reason(error))
        default: self = .other(Self.reason(error))
        }
    }

    /// SQLite's text for the error. A backup step that fails (a full disk) leaves the destination
    /// connection's message at "not an error": the result code's own text is said then.
    static func reason(_ error: DatabaseError) -> String {
        if let message = error.message, message != "not an error" { return message }
        // ResultCode's description reads "13 (database or disk is full)".
        let described = error.resultCode.description
        guard let open = described.firstIndex(of: "("), described.hasSuffix(")") else { return described }
        return String(described[described.index(after: open) ..< described.index(before: described.endIndex)])
    }
}

extension FormationStore {
    /// Stops the statement running on this store's connection, from any thread: a write transaction
    /// in progress then fails and is rolled back (Ctrl-C during `import`). Harmless when
    /// nothing runs.
    ///
    /// The request is also remembered: a write transaction still running is rolled back before it
    /// commits, even when no statement was running at the moment of the call (SQLite then ignores
    /// it) or the one interrupted was a lookup whose failure the caller tolerates.
    public func interrupt() {
        interruption.request()
        writer.interrupt()
    }

    /// Throws SQLITE_INTERRUPT when `interrupt()` was called: checked before a write commits.
    func refuseIfInterrupted() throws {
        if interruption.requested { throw DatabaseError(resultCode: .SQLITE_INTERRUPT, message: "interrupted") }
    }
}

/// Whether `interrupt()` was called on a store. `@unchecked Sendable`: read and written under `lock`.
final class Interruption: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var requested: Bool { lock.withLock { value } }
    func request() { lock.withLock { value = true } }
}

/// The last change number a store logged. `@unchecked Sendable`: `number` is read and written under `lock`.
final class LoggedChange: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int?

    var number: Int? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
