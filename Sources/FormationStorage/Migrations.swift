internal import GRDB

/// The schema, one migration per shipped change. Frozen once shipped: never edit a migration,
/// add a new one (GRDB's recommended practice), so any older database upgrades in order.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 programme and curricula") { db in
            try db.execute(sql: """
                CREATE TABLE plant (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    state TEXT NOT NULL,
                    sector TEXT,
                    ownership TEXT NOT NULL CHECK (ownership IN ('state', 'worker-controlled', 'private'))
                );
                CREATE UNIQUE INDEX plant_name ON plant(name);

                CREATE TABLE person (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    plantId TEXT REFERENCES plant(id) ON DELETE RESTRICT,
                    retired INTEGER NOT NULL DEFAULT 0,
                    sector TEXT CHECK (sector IN ('public', 'private'))
                );
                CREATE INDEX person_name ON person(name);
                -- `resolve` retries a name ignoring case: without this, every id prefix typed scans all people.
                CREATE INDEX person_name_nocase ON person(name COLLATE NOCASE);
                CREATE INDEX person_plant ON person(plantId);

                -- A person merged into another: imports that name the dropped id land on the kept one.
                CREATE TABLE personAlias (
                    droppedId TEXT PRIMARY KEY NOT NULL,
                    keptId TEXT NOT NULL REFERENCES person(id) ON DELETE RESTRICT
                );
                -- A merge repoints aliases of the dropped person, and deleting a person checks this key.
                CREATE INDEX personAlias_kept ON personAlias(keptId);

                CREATE TABLE battle (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    plantId TEXT NOT NULL REFERENCES plant(id) ON DELETE RESTRICT,
                    startDate TEXT NOT NULL,
                    endDate TEXT NOT NULL,
                    timeZone TEXT NOT NULL,
                    CHECK (startDate <= endDate)
                );
                CREATE INDEX battle_name ON battle(name);
                CREATE INDEX battle_name_nocase ON battle(name COLLATE NOCASE);
                CREATE INDEX battle_plant ON battle(plantId, startDate);

                CREATE TABLE curriculum (
                    id TEXT PRIMARY KEY NOT NULL,
                    version INTEGER NOT NULL CHECK (version > 0),
                    -- CurriculumHeader as JSON: texts in several languages, council, licence, provenance.
                    header TEXT NOT NULL
                );

                CREATE TABLE workshop (
                    curriculumId TEXT NOT NULL REFERENCES curriculum(id) ON DELETE CASCADE,
                    id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    category TEXT NOT NULL,
                    minutes INTEGER NOT NULL CHECK (minutes > 0),
                    minParticipants INTEGER NOT NULL,
                    maxParticipants INTEGER NOT NULL,
                    -- Texts (title, summary, objectives, materials, competencies, outline) as JSON:
                    -- read whole, never queried piece by piece.
                    content TEXT NOT NULL,
                    PRIMARY KEY (curriculumId, id)
                ) WITHOUT ROWID;

                CREATE TABLE prerequisite (
                    curriculumId TEXT NOT NULL,
                    workshopId TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    requiredCurriculumId TEXT NOT NULL,
                    requiredWorkshopId TEXT NOT NULL,
                    PRIMARY KEY (curriculumId, workshopId, position),
                    FOREIGN KEY (curriculumId, workshopId) REFERENCES workshop(curriculumId, id) ON DELETE CASCADE
                ) WITHOUT ROWID;
                CREATE INDEX prerequisite_required ON prerequisite(requiredCurriculumId, requiredWorkshopId);

                CREATE TABLE session (
                    id TEXT PRIMARY KEY NOT NULL,
                    battleId TEXT NOT NULL REFERENCES battle(id) ON DELETE RESTRICT,
                    curriculumId TEXT NOT NULL,
                    workshopId TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    place TEXT NOT NULL,
                    cancelled INTEGER NOT NULL DEFAULT 0,
                    CHECK (start < "end")
                );
                CREATE INDEX session_battle ON session(battleId, start);
                -- Overlap checks across battles: sessions last at most a day, so "start within a day
                -- before" is a tight range on this index.
                CREATE INDEX session_start ON session(start);
                CREATE INDEX session_workshop ON session(curriculumId, workshopId, start);

                CREATE TABLE participation (
                    sessionId TEXT NOT NULL REFERENCES session(id) ON DELETE RESTRICT,
                    personId TEXT NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
                    role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant')),
                    status TEXT NOT NULL CHECK (status IN ('registered', 'attended', 'absent')),
                    PRIMARY KEY (sessionId, personId)
                ) WITHOUT ROWID;
                -- role and status make it covering: a person's history reads only this index (2M rows nationally).
                CREATE INDEX participation_person ON participation(personId, sessionId, role, status);

                CREATE TABLE shift (
                    id TEXT PRIMARY KEY NOT NULL,
                    battleId TEXT NOT NULL REFERENCES battle(id) ON DELETE RESTRICT,
                    personId TEXT NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    CHECK (start < "end")
                );
                CREATE INDEX shift_person ON shift(personId, start);
                CREATE INDEX shift_battle ON shift(battleId, start);

                -- Soft conflicts a facilitator chose to force: kept so checks and reports show them.
                CREATE TABLE recordedConflict (
                    sessionId TEXT NOT NULL REFERENCES session(id) ON DELETE RESTRICT,
                    kind TEXT NOT NULL,
                    -- The message's arguments as a JSON array of strings, rendered in the reader's language.
                    arguments TEXT NOT NULL,
                    PRIMARY KEY (sessionId, kind, arguments)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2 retired workshops") { db in
            // A newer version of a pack that drops a workshop still used by sessions or by another
            // pack's prerequisites keeps it as retired: resolvable for history, not for new sessions.
            try db.execute(sql: "ALTER TABLE workshop ADD COLUMN retired INTEGER NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("v3 change log") { db in
            // One row per write: SQLite's session extension records its changeset, so
            // `formation log` can say what changed and `formation undo` can revert it.
            try db.execute(sql: """
                CREATE TABLE changeLog (
                    number INTEGER PRIMARY KEY NOT NULL,
                    -- Random hex, for id prefixes that stay the same across copies of the database.
                    id TEXT NOT NULL,
                    -- UTC, ISO 8601.
                    time TEXT NOT NULL,
                    user TEXT NOT NULL,
                    -- The command line, the database path left out.
                    command TEXT NOT NULL,
                    -- NULL when not kept: notUndoable says why.
                    changeset BLOB,
                    -- Bytes of the changeset as captured (kept or not).
                    size INTEGER NOT NULL,
                    notUndoable TEXT,
                    -- Rows changed per operation and table, one "insert session 3" per line.
                    summary TEXT NOT NULL,
                    -- Ids of the battles whose sessions, shifts or participations it touched, space-separated.
                    battles TEXT NOT NULL,
                    undoOf INTEGER REFERENCES changeLog(number)
                );
                CREATE UNIQUE INDEX changeLog_id ON changeLog(id);
                CREATE INDEX changeLog_undoOf ON changeLog(undoOf);
                """)
        }
        migrator.registerMigration("v4 facilitator indexes") { db in
            // Who can teach a workshop: its sessions with their times and ids without a
            // table lookup, and the facilitator rows alone (~12% of participations), covering, so a
            // workshop taught 45,000 times is tallied from ~60,000 small index entries instead of
            // ~540,000 participations. Cost: 16.8 + 22.4 MB at 2M participations (the file 599 → 638 MB);
            // importing 60 battle records (56,801 participations) took 2.3-3% more CPU (BENCHMARKS.md).
            try db.execute(sql: """
                CREATE INDEX session_workshop_taught ON session(curriculumId, workshopId, cancelled, "end", start, id);
                CREATE INDEX participation_facilitator ON participation(sessionId, personId, status, role) WHERE role = 'facilitator';
                """)
        }
        migrator.registerMigration("v5 forced conflicts by person id") { db in
            // A forced conflict about a person was known by the person's name, as its message read:
            // renaming someone brought their forced conflicts back, and two people with one name in
            // a session shared one. Now the person's id is part of its identity and the name's slot
            // (the first argument) is left empty. Existing rows find their person by name among the
            // session's people; one that matches nobody stays as it was (personId empty).
            try db.execute(sql: """
                CREATE TABLE recordedConflict_v5 (
                    sessionId TEXT NOT NULL REFERENCES session(id) ON DELETE RESTRICT,
                    kind TEXT NOT NULL,
                    -- The person the conflict is about, or '' (a conflict about a place or a session's size).
                    personId TEXT NOT NULL DEFAULT '',
                    -- The message's arguments as a JSON array of strings, the person's name (the first) left empty.
                    arguments TEXT NOT NULL,
                    PRIMARY KEY (sessionId, kind, personId, arguments)
                ) WITHOUT ROWID;
                CREATE INDEX recordedConflict_person ON recordedConflict_v5(personId) WHERE personId <> '';
                """)
            // The kinds about a person as they were when this migration was written.
            let aboutAPerson: Set<String> = ["personDoubleBooked", "personDoubleBookedMore", "onShift",
                                             "missingPrerequisite", "inexperiencedFacilitator"]
            let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO recordedConflict_v5 VALUES (?, ?, ?, ?)")
            let find = try db.makeStatement(sql: """
                SELECT person.id FROM participation JOIN person ON person.id = participation.personId
                WHERE participation.sessionId = ? AND person.name = ? ORDER BY person.id LIMIT 1
                """)
            for row in try Row.fetchAll(db, sql: "SELECT sessionId, kind, arguments FROM recordedConflict") {
                let session: String = row[0], kind: String = row[1], stored: String = row[2]
                var personID = ""
                var arguments = stored
                if aboutAPerson.contains(kind), var list = try? JSONColumn.decode([String].self, stored), let name = list.first,
                   let found = try String.fetchOne(find, arguments: [session, name]) {
                    personID = found
                    list[0] = ""
                    arguments = try JSONColumn.encode(list)
                }
                try insert.execute(arguments: [session, kind, personID, arguments])
            }
            try db.execute(sql: """
                DROP TABLE recordedConflict;
                ALTER TABLE recordedConflict_v5 RENAME TO recordedConflict;
                """)
        }
        migrator.registerMigration("v6 qualifications") { db in
            // Prior learning recognised: a person knows a workshop from outside the
            // programme. The rules count it at any instant; `recorded` is for histories and records.
            try db.execute(sql: """
                CREATE TABLE qualification (
                    personId TEXT NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
                    curriculumId TEXT NOT NULL,
                    workshopId TEXT NOT NULL,
                    -- Seconds since 1970.
                    recorded INTEGER NOT NULL,
                    -- Who vouched for it.
                    byPersonId TEXT REFERENCES person(id) ON DELETE RESTRICT,
                    note TEXT,
                    PRIMARY KEY (personId, curriculumId, workshopId)
                ) WITHOUT ROWID;
                -- Who is qualified in a workshop (facilitator lists, retiring workshops).
                CREATE INDEX qualification_workshop ON qualification(curriculumId, workshopId);
                -- Merging or deleting a person checks this key.
                CREATE INDEX qualification_by ON qualification(byPersonId);
                """)
        }
        migrator.registerMigration("v7 roster") { db in
            // Who is at a battle and on which days (`battle join`). People with a shift or
            // a session in the battle are on it without a row. Dates are the battle's local days;
            // NULL: from its first day, to its last.
            try db.execute(sql: """
                CREATE TABLE roster (
                    battleId TEXT NOT NULL REFERENCES battle(id) ON DELETE CASCADE,
                    personId TEXT NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
                    fromDate TEXT,
                    toDate TEXT,
                    PRIMARY KEY (battleId, personId)
                ) WITHOUT ROWID;
                -- Merging or removing a person checks this key.
                CREATE INDEX roster_person ON roster(personId);
                """)
        }
        migrator.registerMigration("v8 battle pins") { db in
            // The board's facilitator PIN per battle, as an Argon2id string from
            // libsodium. Not a recorded table: a secret's hash stays out of the change log.
            try db.execute(sql: """
                CREATE TABLE battlePin (
                    battleId TEXT NOT NULL PRIMARY KEY REFERENCES battle(id) ON DELETE CASCADE,
                    hash TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        return migrator
    }
}
