import Foundation
import Testing
import FormationDomain
@testable import FormationStorage
import GRDB

/// Databases written by earlier versions upgrade in place, keeping what they hold.
@Suite struct MigrationTests {
    /// A database at the schema of migration `last`, filled by `fill`, then opened by this version.
    func upgraded(from last: String, _ fill: (Database) throws -> Void) throws -> FormationStore {
        let path = NSTemporaryDirectory() + "formation-migration-\(UUID().uuidString)/formation.sqlite"
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: last)
        try queue.write(fill)
        try queue.close()
        return try FormationStore(path: path)
    }

    /// Forced conflicts were known by the person's name (v1-v4); v5 finds each person among the
    /// session's people and keeps their id instead, leaving the name's slot empty.
    @Test func forcedConflictsFindTheirPersonByName() throws {
        let session = "00000000-0000-4000-8000-000000000001"
        let ana = "00000000-0000-4000-8000-00000000000a"
        let store = try upgraded(from: "v4 facilitator indexes") { db in
            try db.execute(sql: """
                INSERT INTO plant (id, name, state, ownership) VALUES ('00000000-0000-4000-8000-0000000000f1', 'La Gaviota', 'Sucre', 'state');
                INSERT INTO battle (id, name, plantId, startDate, endDate, timeZone)
                    VALUES ('00000000-0000-4000-8000-0000000000b1', 'B', '00000000-0000-4000-8000-0000000000f1', '2026-12-01', '2026-12-05', 'America/Caracas');
                INSERT INTO curriculum (id, version, header) VALUES ('freehand-drawing', 1, '{}');
                INSERT INTO workshop (id, curriculumId, position, category, minutes, minParticipants, maxParticipants, content)
                    VALUES ('proportion-by-eye', 'freehand-drawing', 0, 'technical', 120, 1, 12, '{}');
                INSERT INTO person (id, name, retired) VALUES ('\(ana)', 'Ana Rivas', 0);
                INSERT INTO session (id, battleId, curriculumId, workshopId, start, "end", place, cancelled)
                    VALUES ('\(session)', '00000000-0000-4000-8000-0000000000b1', 'freehand-drawing', 'proportion-by-eye', 1796220000, 1796227200, 'Taller', 0);
                INSERT INTO participation (sessionId, personId, role, status) VALUES ('\(session)', '\(ana)', 'facilitator', 'registered');
                INSERT INTO recordedConflict (sessionId, kind, arguments) VALUES
                    ('\(session)', 'inexperiencedFacilitator', '["Ana Rivas","freehand-drawing/proportion-by-eye"]'),
                    ('\(session)', 'onShift', '["Someone Gone","2026-12-02 06:00","2026-12-02 10:00"]'),
                    ('\(session)', 'overCapacity', '["14","12"]');
                """)
        }
        let conflicts = try store.read { db in try ScheduleTransaction(db).recordedConflicts(ofSession: EntityID(session)) }
        #expect(Set(conflicts) == [
            RecordedConflict(session: try EntityID(session), kind: "inexperiencedFacilitator", person: try EntityID(ana),
                             arguments: ["", "freehand-drawing/proportion-by-eye"]),
            // Nobody in the session has that name: kept as it was.
            RecordedConflict(session: try EntityID(session), kind: "onShift", arguments: ["Someone Gone", "2026-12-02 06:00", "2026-12-02 10:00"]),
            RecordedConflict(session: try EntityID(session), kind: "overCapacity", arguments: ["14", "12"]),
        ])
        // The new conflict made for the same person and workshop is recognised as the recorded one.
        let made = ScheduleConflict.inexperiencedFacilitator(person: try EntityID(ana),
                                                              workshop: try WorkshopRef(parsing: "freehand-drawing/proportion-by-eye"))
        #expect(conflicts.contains(made.recorded(on: try EntityID(session))))
        #expect(try store.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
    }
}
