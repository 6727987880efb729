import Foundation
import Testing
@testable import FormationStorage
import GRDB

/// Issue 15: the schema every open compares with is the one the migrations make.
@Suite struct ExpectedSchemaTests {
    @Test func theMigrationsMakeExactlyTheExpectedSchema() throws {
        let store = try FormationStore.inMemory()
        let differences = try store.read { db in try ExpectedSchema.differences(db, indexes: true) }
        #expect(differences.isEmpty, "update ExpectedSchema with the new migration: \(differences)")
    }

    @Test func aRenamedColumnAndAMissingIndexAreFound() throws {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue)
        try queue.write { db in
            try db.execute(sql: "ALTER TABLE session RENAME COLUMN place TO placd")
            try db.execute(sql: "DROP INDEX session_start")
        }
        let found = try queue.read { db in try ExpectedSchema.differences(db, indexes: true) }.map(\.detail)
        #expect(found == ["column session.place TEXT NOT NULL is missing", "column session.placd TEXT NOT NULL is not one this version knows",
                          "index session_start is missing"])
    }
}
