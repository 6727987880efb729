internal import GRDB

/// The tables, columns and indexes this version's migrations leave: what every query assumes.
///
/// A schema edited behind formation's back (a column renamed in `sqlite_master`) passes
/// `PRAGMA integrity_check`, and the first row read by a column name that is gone stops the process
/// inside GRDB. So every open compares the schema with this, and refuses a database
/// that differs (`StorageError.damagedSchema`); `formation check` lists every difference.
/// A test holds this equal to what `Migrations` creates: update it with each new migration.
enum ExpectedSchema {
    /// Per table, its columns as `name TYPE[ NOT NULL][ PK n]`, in order.
    static let columns: [String: [String]] = [
        "plant": ["id TEXT NOT NULL PK 1", "name TEXT NOT NULL", "state TEXT NOT NULL", "sector TEXT", "ownership TEXT NOT NULL"],
        "person": ["id TEXT NOT NULL PK 1", "name TEXT NOT NULL", "plantId TEXT", "retired INTEGER NOT NULL", "sector TEXT"],
        "personAlias": ["droppedId TEXT NOT NULL PK 1", "keptId TEXT NOT NULL"],
        "battle": ["id TEXT NOT NULL PK 1", "name TEXT NOT NULL", "plantId TEXT NOT NULL", "startDate TEXT NOT NULL",
                   "endDate TEXT NOT NULL", "timeZone TEXT NOT NULL"],
        "curriculum": ["id TEXT NOT NULL PK 1", "version INTEGER NOT NULL", "header TEXT NOT NULL"],
        "workshop": ["curriculumId TEXT NOT NULL PK 1", "id TEXT NOT NULL PK 2", "position INTEGER NOT NULL", "category TEXT NOT NULL",
                     "minutes INTEGER NOT NULL", "minParticipants INTEGER NOT NULL", "maxParticipants INTEGER NOT NULL",
                     "content TEXT NOT NULL", "retired INTEGER NOT NULL"],
        "prerequisite": ["curriculumId TEXT NOT NULL PK 1", "workshopId TEXT NOT NULL PK 2", "position INTEGER NOT NULL PK 3",
                         "requiredCurriculumId TEXT NOT NULL", "requiredWorkshopId TEXT NOT NULL"],
        "session": ["id TEXT NOT NULL PK 1", "battleId TEXT NOT NULL", "curriculumId TEXT NOT NULL", "workshopId TEXT NOT NULL",
                    "start INTEGER NOT NULL", "end INTEGER NOT NULL", "place TEXT NOT NULL", "cancelled INTEGER NOT NULL"],
        "participation": ["sessionId TEXT NOT NULL PK 1", "personId TEXT NOT NULL PK 2", "role TEXT NOT NULL", "status TEXT NOT NULL"],
        "shift": ["id TEXT NOT NULL PK 1", "battleId TEXT NOT NULL", "personId TEXT NOT NULL", "start INTEGER NOT NULL", "end INTEGER NOT NULL"],
        "recordedConflict": ["sessionId TEXT NOT NULL PK 1", "kind TEXT NOT NULL PK 2", "personId TEXT NOT NULL PK 3",
                             "arguments TEXT NOT NULL PK 4"],
        "changeLog": ["number INTEGER NOT NULL PK 1", "id TEXT NOT NULL", "time TEXT NOT NULL", "user TEXT NOT NULL",
                      "command TEXT NOT NULL", "changeset BLOB", "size INTEGER NOT NULL", "notUndoable TEXT",
                      "summary TEXT NOT NULL", "battles TEXT NOT NULL", "undoOf INTEGER"],
        "qualification": ["personId TEXT NOT NULL PK 1", "curriculumId TEXT NOT NULL PK 2", "workshopId TEXT NOT NULL PK 3",
                          "recorded INTEGER NOT NULL", "byPersonId TEXT", "note TEXT"],
        "roster": ["battleId TEXT NOT NULL PK 1", "personId TEXT NOT NULL PK 2", "fromDate TEXT", "toDate TEXT"],
        "battlePin": ["battleId TEXT NOT NULL PK 1", "hash TEXT NOT NULL"],
    ]

    /// Indexes the queries rely on for speed (a missing one is slow, not wrong: `check` reports it,
    /// opening does not refuse it).
    static let indexes: [String: String] = [
        "plant_name": "plant", "person_name": "person", "person_name_nocase": "person", "person_plant": "person",
        "personAlias_kept": "personAlias", "battle_name": "battle", "battle_name_nocase": "battle", "battle_plant": "battle",
        "prerequisite_required": "prerequisite", "session_battle": "session", "session_start": "session",
        "session_workshop": "session", "participation_person": "participation", "shift_person": "shift", "shift_battle": "shift",
        "changeLog_id": "changeLog", "changeLog_undoOf": "changeLog",
        "session_workshop_taught": "session", "participation_facilitator": "participation",
        "recordedConflict_person": "recordedConflict",
        "qualification_workshop": "qualification", "qualification_by": "qualification",
        "roster_person": "roster",
    ]

    /// One way the schema differs from this version's, in words that are the same in every language.
    struct Difference: Equatable {
        let table: String
        let detail: String
    }

    /// Every table and column that differs (missing, or other than expected); with `indexes`, missing indexes too.
    static func differences(_ db: Database, indexes checkIndexes: Bool) throws -> [Difference] {
        var actual: [String: [String]] = [:]
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.name, p.name, p.type, p."notnull", p.pk
            FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p WHERE m.type = 'table' ORDER BY m.name, p.cid
            """)
        for row in rows {
            let table: String = row[0], name: String = row[1], type: String = row[2]
            let notNull: Bool = row[3], key: Int = row[4]
            actual[table, default: []].append("\(name) \(type)" + (notNull ? " NOT NULL" : "") + (key > 0 ? " PK \(key)" : ""))
        }
        var found: [Difference] = []
        for table in columns.keys.sorted() {
            let expected = columns[table]!
            guard let present = actual[table] else {
                found.append(Difference(table: table, detail: "table \(table) is missing"))
                continue
            }
            for column in expected where !present.contains(column) {
                found.append(Difference(table: table, detail: "column \(table).\(column) is missing"))
            }
            for column in present where !expected.contains(column) {
                found.append(Difference(table: table, detail: "column \(table).\(column) is not one this version knows"))
            }
        }
        if checkIndexes {
            let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
            for (index, table) in indexes.sorted(by: { $0.key < $1.key }) where !present.contains(index) {
                found.append(Difference(table: table, detail: "index \(index) is missing"))
            }
        }
        return found
    }
}
