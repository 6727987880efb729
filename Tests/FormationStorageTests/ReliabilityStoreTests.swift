import Foundation
import Testing
import FormationDomain
@testable import FormationStorage
import GRDB

/// The storage promises of issue 9: durable settings, immediate write transactions, waiting for
/// other connections, concurrent first opens, read-only files, backups and the audit.
@Suite struct ReliabilityStoreTests {
    func temporaryPath() -> String {
        NSTemporaryDirectory() + "formation-reliability-\(UUID().uuidString)/formation.sqlite"
    }

    @Test func everyConnectionUsesWALFullSyncAndForeignKeys() throws {
        let path = temporaryPath()
        _ = try FormationStore(path: path)
        // Reopened: synchronous is per connection, so it must be set on every open, not once.
        let store = try FormationStore(path: path)
        let (mode, sync, keys) = try store.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal")
        #expect(sync == 2)
        #expect(keys == 1)
        // WAL is recorded in the file itself: any other program opening it uses the log too.
        let header = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)).read(upToCount: 20)
        #expect(header.map { Array($0.suffix(2)) } == [2, 2])
    }

    @Test func writesBeginImmediateTransactions() throws {
        let store = try FormationStore(path: temporaryPath())
        let statements = Collected()
        store.writer.writeWithoutTransaction { db in
            db.trace { event in statements.append(event.description) }
        }
        try store.add(Person(id: EntityID("aaaa0000-0000-4000-8000-000000000000"), name: "Ana"))
        _ = try store.inScheduleTransaction { _ in }
        try store.inCurriculumTransaction { _ in (false, ()) }
        let begins = statements.all.filter { $0.hasPrefix("BEGIN") }
        #expect(begins.count == 3)
        #expect(begins.allSatisfy { $0 == "BEGIN IMMEDIATE TRANSACTION" }, "\(begins)")
    }

    @Test func aBlockedWriteWaitsForTheBusyTimeoutThenFailsAsBusy() throws {
        let path = temporaryPath()
        let store = try FormationStore(path: path, busyTimeout: 0.3)
        // Another connection holds the write lock on its own thread until `release` is signalled.
        let other = try DatabaseQueue(path: path)
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? other.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                locked.signal()
                release.wait()
                try db.execute(sql: "ROLLBACK")
            }
            done.signal()
        }
        locked.wait()
        defer {
            release.signal()
            done.wait()
        }
        let started = Date()
        #expect(throws: StorageError.busy(path: path)) {
            try store.add(Person(id: EntityID("aaaa0000-0000-4000-8000-000000000000"), name: "Ana"))
        }
        #expect(Date().timeIntervalSince(started) >= 0.25)
        // Reads go on while another connection writes.
        #expect(try store.people().isEmpty)
    }

    @Test func manyConnectionsOpeningANewDatabaseAtOnceAllSucceed() throws {
        let path = temporaryPath()
        let failures = Collected()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            do {
                let store = try FormationStore(path: path)
                try store.add(Person(id: EntityID(String(format: "%08x-0000-4000-8000-000000000000", index)), name: "P\(index)"))
            } catch {
                failures.append("\(index): \(error)")
            }
        }
        #expect(failures.all == [])
        #expect(try FormationStore(path: path).people().count == 8)
    }

    @Test func aReadOnlyConnectionReportsReadOnly() throws {
        let path = temporaryPath()
        _ = try FormationStore(path: path)
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        let store = FormationStore(writer: queue, path: path)
        #expect(throws: StorageError.readOnly(path: path)) {
            try store.add(Person(id: EntityID("aaaa0000-0000-4000-8000-000000000000"), name: "Ana"))
        }
        #expect(StorageError(DatabaseError(resultCode: .SQLITE_READONLY), path: path) == .readOnly(path: path))
        #expect(StorageError(DatabaseError(resultCode: .SQLITE_BUSY), path: path) == .busy(path: path))
        #expect(StorageError(DatabaseError(resultCode: .SQLITE_CORRUPT), path: path) == .notADatabase(path: path))
    }

    @Test func backupIsACompleteSelfContainedCopy() throws {
        let store = try FormationStore(path: temporaryPath())
        try store.add(Person(id: EntityID("aaaa0000-0000-4000-8000-000000000000"), name: "Ana"))
        let copy = temporaryPath()
        try FileManager.default.createDirectory(atPath: (copy as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try store.backup(toNewFile: copy)
        var config = Configuration()
        config.readonly = true
        let mode = try DatabaseQueue(path: copy, configuration: config).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "delete")
        #expect(try FormationStore(path: copy).people().map(\.person.name) == ["Ana"])
    }

    @Test func auditFindsRowsThatBreakTheRules() throws {
        let store = try FormationStore.inMemory()
        #expect(try store.audit() == StoreAudit())
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: """
                PRAGMA foreign_keys = OFF;
                INSERT INTO person (id, name) VALUES ('aaaa0000-0000-4000-8000-000000000000', 'Ana');
                INSERT INTO participation VALUES ('bbbb0000-0000-4000-8000-000000000000', 'aaaa0000-0000-4000-8000-000000000000', 'participant', 'registered');
                INSERT INTO session VALUES ('cccc0000-0000-4000-8000-000000000000', 'dddd0000-0000-4000-8000-000000000000', 'x', 'y', 10, 20, 'patio', 0);
                PRAGMA foreign_keys = ON;
                """)
        }
        let audit = try store.audit()
        #expect(audit.integrity == [])
        #expect(audit.orphanParticipations == [.init(session: "bbbb0000-0000-4000-8000-000000000000", person: "aaaa0000-0000-4000-8000-000000000000")])
        #expect(audit.sessionsWithoutWorkshop == [.init(session: "cccc0000-0000-4000-8000-000000000000", workshop: "x/y")])
        #expect(Set(audit.foreignKeys.map(\.parent)) == ["session", "battle"])
        #expect(audit.foreignKeys.contains { $0.table == "session" && $0.row == "cccc0000-0000-4000-8000-000000000000" })
        #expect(audit.sessions.map(\.id) == ["cccc0000-0000-4000-8000-000000000000"])
        #expect(audit.sessions[0].timeZone == nil)
    }
}

/// Strings gathered from several threads.
final class Collected: @unchecked Sendable {
    // Safe: every access to `items` holds `lock`.
    private let lock = NSLock()
    private var items: [String] = []

    func append(_ item: String) {
        lock.lock()
        defer { lock.unlock() }
        items.append(item)
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
