import Foundation
import Testing

/// `formation backup` and `formation check` (issue 9), and restoring a backup as the README says.
@Suite struct MaintenanceCommandTests {
    func names(_ cli: CLI, database: String? = nil) throws -> [String] {
        var arguments = ["person", "list", "--format", "json"]
        if let database { arguments += ["--database", database] }
        let result = try cli.run(arguments: arguments, useDatabaseFlag: database == nil)
        try cli.expectSuccess(result)
        let people = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return people.compactMap { $0["name"] as? String }
    }

    @Test func backupThenRestoreBringsBackTheBackedUpData() throws {
        let cli = try CLI()
        try cli.prepareBattle()
        try cli.expectSuccess(cli.run("person", "add", "María Pérez"))
        try cli.expectSuccess(cli.run("person", "add", "José Rondón"))
        let backup = cli.directory.appendingPathComponent("backup.sqlite").path

        let result = try cli.run("backup", backup)
        #expect(result.code == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try SQLiteShell.integrityCheck(backup) == "ok")
        // One self-contained file, nothing left beside it.
        #expect(try SQLiteShell.run(backup, "PRAGMA journal_mode") == "delete")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.contains(".part") }
        #expect(leftovers == [])

        try cli.expectSuccess(cli.run("person", "add", "Llegó Después"))
        try cli.expectSuccess(cli.run("plant", "add", "Amuay", "--state", "Falcón"))
        #expect(try names(cli).count == 3)

        // Used directly (on a copy, since opening it makes it a live database again)...
        let copy = cli.directory.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: backup, toPath: copy)
        #expect(try names(cli, database: copy) == ["José Rondón", "María Pérez"])

        // ...or restored as the README says: copied over the database while no formation runs,
        // with the old database's -wal and -shm removed.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: cli.database + suffix) }
        try FileManager.default.copyItem(atPath: backup, toPath: cli.database)
        #expect(try names(cli) == ["José Rondón", "María Pérez"])
        #expect(try SQLiteShell.count(cli.database, "plant") == 1)
        #expect(try SQLiteShell.count(cli.database, "workshop") == 26)
        #expect(try cli.run("check").stdout == "ok\n")
    }

    @Test func backupRefusesToOverwriteUnlessForced() throws {
        let cli = try CLI()
        try cli.expectSuccess(cli.run("person", "add", "María Pérez"))
        let backup = cli.directory.appendingPathComponent("backup.sqlite").path
        try Data("precious".utf8).write(to: URL(fileURLWithPath: backup))

        let refused = try cli.run("backup", backup)
        #expect(refused.code == 73)
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(refused.stderr.contains("--force"))
        #expect(try String(contentsOfFile: backup, encoding: .utf8) == "precious")

        #expect(try cli.run("backup", backup, "--force").code == 0)
        #expect(try names(cli, database: backup) == ["María Pérez"])
    }

    @Test func backupRefusesFoldersMissingFoldersAndTheDatabaseItself() throws {
        let cli = try CLI()
        try cli.expectSuccess(cli.run("person", "add", "María Pérez"))
        let missingFolder = cli.directory.appendingPathComponent("no/such/folder/backup.sqlite").path
        for path in [cli.directory.path, missingFolder, cli.database] {
            let result = try cli.run("backup", path, "--force")
            #expect(result.code == 73, "\(path)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        #expect(!FileManager.default.fileExists(atPath: missingFolder))
        #expect(try names(cli) == ["María Pérez"])

        // Another database in use: its -wal would be replayed onto the backup.
        let live = cli.directory.appendingPathComponent("live.sqlite").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: live))
        try Data("log".utf8).write(to: URL(fileURLWithPath: live + "-wal"))
        let refused = try cli.run("backup", live, "--force")
        #expect(refused.code == 73)
        #expect(refused.stderr.contains("-wal"))
        #expect(try String(contentsOfFile: live, encoding: .utf8) == "old")
    }

    @Test func backupWhileOthersWriteIsConsistent() throws {
        let cli = try CLI()
        try cli.expectSuccess(cli.run("plant", "add", "La Gaviota", "--state", "Sucre"))
        let writers = try (1...3).map { worker in
            try cli.start(["person", "add", "Escritor \(worker)"])
        }
        var counts: [Int] = []
        for index in 1...3 {
            let backup = cli.directory.appendingPathComponent("backup-\(index).sqlite").path
            try cli.expectSuccess(cli.run("backup", backup))
            #expect(try SQLiteShell.integrityCheck(backup) == "ok")
            counts.append(try SQLiteShell.count(backup, "person"))
        }
        writers.forEach { $0.waitForExit() }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        #expect(counts == counts.sorted() && counts.allSatisfy { (0...3).contains($0) })
    }

    @Test func checkSaysOKForASoundDatabase() throws {
        let cli = try CLI()
        try cli.prepareBattle()
        let text = try cli.run("check")
        #expect(text.code == 0)
        #expect(text.stdout == "ok\n")
        #expect(text.stderr.isEmpty)
        let json = try #require(try cli.json("check") as? [String: Any])
        #expect(json["ok"] as? Bool == true)
        #expect((json["problems"] as? [Any])?.isEmpty == true)
    }

    /// Two entries for one person (accents left out the second time) are pointed out with the merge
    /// that joins them, keeping the one in more sessions; the database is still sound (exit 0).
    @Test func checkPointsOutLikelyDuplicatesWithoutFailing() throws {
        let cli = try CLI()
        let battle = try cli.prepareBattle()
        let careful = try cli.add("person", "add", "José Rondón", "--plant", "La Gaviota")
        let hurried = try cli.add("person", "add", "JOSE RONDON", "--plant", "La Gaviota", "--force")
        _ = try cli.add("person", "add", "José Rondón")          // no plant: someone else
        _ = try cli.add("person", "add", "José Rondón Pérez", "--plant", "La Gaviota")
        let text = try cli.run("check")
        #expect(text.code == 0, "\(text.stderr)")
        #expect(text.stdout == "possible duplicate: JOSE RONDON (\(hurried.prefix(8))) and José Rondón (\(careful.prefix(8))) at the same plant; "
            + "if they are one person: formation person merge \(careful.prefix(8)) \(hurried.prefix(8))\nok\n")
        let json = try #require(try cli.json("check") as? [String: Any])
        #expect(json["ok"] as? Bool == true)
        #expect((json["problems"] as? [Any])?.isEmpty == true)
        let notices = try #require(json["notices"] as? [[String: Any]])
        #expect(notices.count == 1)
        #expect(notices.first?["kind"] as? String == "likelyDuplicate")
        #expect(notices.first?["id"] as? String == hurried)
        #expect(notices.first?["detail"] as? String == careful)

        // The one in a session is the one to keep.
        _ = try cli.add("session", "add", "--battle", battle, "--workshop", "proportion-by-eye", "--start", "2026-12-02 09:00",
                        "--end", "2026-12-02 11:00", "--place", "Taller", "--facilitator", String(hurried.prefix(8)), "--force")
        let after = try #require(try cli.json("check") as? [String: Any])
        let kept = try #require(after["notices"] as? [[String: Any]])
        #expect(kept.first?["id"] as? String == careful)
        #expect(kept.first?["detail"] as? String == hurried)
        try cli.expectSuccess(cli.run("person", "merge", String(hurried.prefix(8)), String(careful.prefix(8))))
        #expect(try cli.run("check").stdout == "ok\n")
    }

    /// Seconds since 1970 of a wall-clock time in Caracas (UTC−4, no daylight saving).
    func caracas(_ text: String) -> Int {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "America/Caracas")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return Int(formatter.date(from: text)!.timeIntervalSince1970)
    }

    @Test func checkFindsEveryBrokenRuleAndExits65() throws {
        let cli = try CLI()
        let battle = try cli.prepareBattle()
        try cli.expectSuccess(cli.run("person", "add", "Ana"))
        let sound = try cli.add("session", "add", "--battle", battle, "--workshop", "freehand-drawing/proportion-by-eye",
                                "--start", "2026-12-05 22:00", "--end", "2026-12-05 23:30", "--place", "Taller",
                                "--facilitator", "Ana", "--force")
        let late = try cli.add("session", "add", "--battle", battle, "--workshop", "freehand-drawing/proportion-by-eye",
                               "--start", "2026-12-02 08:00", "--end", "2026-12-02 10:00", "--place", "Patio",
                               "--facilitator", "Ana", "--force")
        // The sound session ends on the battle's last day in Caracas, which is already the next day
        // in UTC: it must not be reported. Break the rest behind formation's back.
        let ghost = "00000000-0000-4000-8000-000000000000"
        let person = try SQLiteShell.run(cli.database, "SELECT id FROM person")
        try SQLiteShell.run(cli.database, """
            UPDATE session SET start = \(caracas("2026-12-06 01:00")), "end" = \(caracas("2026-12-06 02:00")) WHERE id = '\(late)';
            INSERT INTO participation VALUES ('\(ghost)', '\(person)', 'participant', 'registered');
            INSERT INTO session SELECT '11111111-0000-4000-8000-000000000000', battleId, 'freehand-drawing', 'no-such-workshop',
                start, "end", place, 0 FROM session WHERE id = '\(sound)';
            PRAGMA ignore_check_constraints = ON;
            INSERT INTO session SELECT '22222222-0000-4000-8000-000000000000', battleId, curriculumId, workshopId,
                "end", start, place, 0 FROM session WHERE id = '\(sound)';
            """)

        let text = try cli.run("check")
        #expect(text.code == 65)
        #expect(text.stderr.split(separator: "\n").count == 1)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains(late) && $0.contains("outside its battle's days") })
        #expect(lines.contains { $0.contains(ghost) && $0.contains("does not exist") })
        #expect(lines.contains { $0.contains("freehand-drawing/no-such-workshop") })
        #expect(lines.contains { $0.contains("22222222-0000-4000-8000-000000000000") && $0.contains("does not end after it starts") })
        #expect(!lines.contains { $0.contains(sound) })

        let english = try cli.run("check", "--format", "json")
        let spanish = try cli.run("check", "--format", "json", "--lang", "es")
        #expect(english.code == 65)
        #expect(english.stdout == spanish.stdout)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(english.stdout.utf8)) as? [String: Any])
        #expect(json["ok"] as? Bool == false)
        let problems = try #require(json["problems"] as? [[String: Any]])
        let kinds = Set(problems.compactMap { $0["kind"] as? String })
        #expect(kinds.isSuperset(of: ["foreignKey", "participationWithoutSession", "sessionWithoutWorkshop",
                                      "sessionOutsideBattle", "timesOutOfOrder"]))
        #expect(problems.allSatisfy { Set($0.keys) == ["kind", "table", "id", "detail"] })
        #expect(try cli.run("check", "--lang", "es").stdout.contains("cae fuera de los días de su batalla"))
    }

    @Test func checkOfAFileThatIsNotADatabaseExits65() throws {
        let cli = try CLI()
        try Data(String(repeating: "no soy una base de datos\n", count: 200).utf8).write(to: URL(fileURLWithPath: cli.database))
        let result = try cli.run("check")
        #expect(result.code == 65)
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
