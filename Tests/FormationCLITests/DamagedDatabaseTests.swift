import Foundation
import Testing

/// Issue 15, item 15: damage that `PRAGMA integrity_check` does not see is found by `check`, and
/// no command crashes on it.
@Suite struct DamagedDatabaseTests {
    func planned() throws -> CLI { try BattleExportTests().plannedBattle() }

    func problems(_ cli: CLI) throws -> (code: Int32, problems: [[String: Any]]) {
        let result = try cli.run("check", "--format", "json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        return (result.code, try #require(report["problems"] as? [[String: Any]]))
    }

    @Test func aColumnRenamedInTheSchemaIsReportedAndNoCommandCrashes() throws {
        let cli = try planned()
        try SQLiteShell.run(cli.database, """
            PRAGMA writable_schema = ON;
            UPDATE sqlite_master SET sql = replace(sql, 'place TEXT NOT NULL', 'placd TEXT NOT NULL') WHERE name = 'session';
            """)
        #expect(try SQLiteShell.integrityCheck(cli.database) == "ok", "the damage SQLite does not see")
        let (code, found) = try problems(cli)
        #expect(code == 65)
        #expect(found.contains { $0["kind"] as? String == "schema" && $0["detail"] as? String == "column session.place TEXT NOT NULL is missing" },
                "\(found)")
        for arguments in [["history", "Ana Rivas"], ["battle", "report", "Batalla de La Gaviota"], ["battle", "check", "Batalla de La Gaviota"],
                          ["session", "list", "--battle", "Batalla de La Gaviota"], ["person", "list"]] {
            let result = try cli.run(arguments: arguments)
            #expect(result.code == 65, "\(arguments): \(result.code) \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("is damaged: column session.place TEXT NOT NULL is missing"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func storedValuesOutOfRangeAreReported() throws {
        let cli = try planned()
        try SQLiteShell.run(cli.database, """
            UPDATE session SET start = -9000000000000, "end" = 9000000000000
                WHERE id = (SELECT id FROM session ORDER BY start, id LIMIT 1);
            PRAGMA ignore_check_constraints = ON;
            UPDATE battle SET startDate = '2026-13-45';
            """)
        let (code, found) = try problems(cli)
        #expect(code == 65)
        let invalid = found.filter { $0["kind"] as? String == "invalidValue" }
        #expect(invalid.contains { $0["table"] as? String == "session" && $0["detail"] as? String == "-9000000000000 → 9000000000000" }, "\(found)")
        #expect(invalid.contains { $0["table"] as? String == "battle" && ($0["detail"] as? String)?.hasPrefix("2026-13-45") == true }, "\(found)")
        let text = try cli.run("check")
        #expect(text.stdout.contains("are not between the years 1900 and 2200"))
        #expect(text.stdout.contains("its dates ('2026-13-45' to '2026-12-05') are not two valid dates in order"))
    }
}
