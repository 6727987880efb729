import FormationDomain
internal import GRDB
internal import Foundation

/// The SQLite database of one machine: opens it, refuses one from a newer version, migrates it,
/// and maps SQLite's failures to `StorageError`.
///
/// WAL journal with `synchronous=FULL`: a committed change survives a power cut, and a killed
/// process leaves the database as it was before the command (DESIGN.md §6). Writes take the
/// lock at `BEGIN IMMEDIATE` and wait up to `busyTimeout` for other `formation` processes.
public struct FormationStore: Sendable {
    let writer: any DatabaseWriter
    public let path: String

    /// How long a write waits for another process before giving up with `StorageError.busy`.
    public static let busyTimeout: Double = 30

    /// Opens (creating it and its folder if needed) the database at `path`.
    ///
    /// - Throws: `StorageError` when the file is not SQLite, is read-only, or was written by a newer version.
    public init(path: String, busyTimeout: Double = FormationStore.busyTimeout) throws(StorageError) {
        self.path = path
        var config = Configuration()
        config.journalMode = .wal
        config.busyMode = .timeout(busyTimeout)
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
        if FileManager.default.fileExists(atPath: path) {
            try Self.refuseIfSuperseded(path: path)
        }
        do {
            writer = try DatabaseQueue(path: path, configuration: config)
            // After GRDB's WAL set-up, which chooses NORMAL: FULL makes every commit durable on power loss.
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        } catch {
            throw StorageError(error, path: path)
        }
        try migrate()
    }

    /// Checks the schema version on a read-only connection, so that a database from a newer
    /// formation is refused before anything (even GRDB's WAL set-up) writes to it.
    private static func refuseIfSuperseded(path: String) throws(StorageError) {
        var config = Configuration()
        config.readonly = true
        do {
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
        } catch {
            throw StorageError(error, path: path)
        }
    }

    /// A private database in memory, for tests.
    public static func inMemory() throws(StorageError) -> FormationStore {
        try FormationStore(inMemory: ())
    }

    private init(inMemory: Void) throws(StorageError) {
        path = ":memory:"
        do { writer = try DatabaseQueue() } catch { throw StorageError(error, path: path) }
        try migrate()
    }

    private func migrate() throws(StorageError) {
        do { try Migrations.migrator.migrate(writer) } catch { throw StorageError(error, path: path) }
    }

    /// Runs `body` in one write transaction: all of it is committed or none of it.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.write(body) } catch let error as DatabaseError {
            throw StorageError(error, path: path)
        }
    }

    /// Runs `body` with a consistent read-only view.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch let error as DatabaseError {
            throw StorageError(error, path: path)
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
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: self = .cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        default: self = .other(error.message ?? "\(error.resultCode)")
        }
    }
}
