import Foundation
import Testing
import FormationDomain
import FormationStorage
@testable import FormationUseCases

/// Issue 15, item 9: a thousand sessions of one facilitator at one time and place made `battle check`
/// and `battle report` list a million conflicts (1.2 GB, 285 MB of output). Each session now lists
/// at most `ScheduleRules.listedPerKind` double bookings per person and for the place, then counts
/// the rest; the batched check finds them without comparing every pair.
@Suite struct BattleCheckScaleTests {
    static let sessions = 1_000
    /// 2026-12-01 09:00–11:00 in Caracas.
    static let start: Int64 = 1_796_130_000, end: Int64 = 1_796_137_200

    /// BattleCommandTests' battle with `sessions` sessions of Ana Rivas at one time in one place,
    /// written past the rules (as an import before issue 15 could have).
    func crowded() throws -> CLI {
        let cli = try BattleCommandTests().battle()
        try SQLiteShell.run(cli.database, """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(Self.sessions))
            INSERT INTO session (id, battleId, curriculumId, workshopId, start, "end", place, cancelled)
                SELECT printf('00000000-0000-4000-8000-%012d', i), (SELECT id FROM battle), 'freehand-drawing', 'proportion-by-eye',
                       \(Self.start), \(Self.end), 'Taller', 0 FROM n;
            INSERT INTO participation (sessionId, personId, role, status)
                SELECT id, (SELECT id FROM person WHERE name = 'Ana Rivas'), 'facilitator', 'registered' FROM session;
            """)
        return cli
    }

    @Test func battleCheckListsAFewConflictsPerSessionAndCountsTheRest() throws {
        let cli = try crowded()
        let check = try cli.run("battle", "check", "Batalla de La Gaviota")
        let lines = check.stdout.split(separator: "\n")
        // Per session: its label, 10 + 1 double bookings, 10 + 1 for the place (and, depending on the
        // day the test runs, whether Ana counts as having taught it: the inexperienced facilitator).
        let perSession = 1 + 2 * (ScheduleRules.listedPerKind + 1)
        #expect((Self.sessions * perSession...Self.sessions * (perSession + 1)).contains(lines.count),
                "\(lines.prefix(30).joined(separator: "\n"))")
        #expect(check.stdout.utf8.count < 4_000_000, "\(check.stdout.utf8.count) bytes")
        #expect(lines.filter { $0.contains("Ana Rivas is also in \(Self.sessions - 1 - ScheduleRules.listedPerKind) more sessions at that time") }.count
                == Self.sessions)
        #expect(lines.filter { $0.contains("the place 'Taller' is also taken at that time by 989 more sessions") }.count == Self.sessions)

        let json = try #require(try cli.json("battle", "check", "Batalla de La Gaviota") as? [[String: Any]])
        #expect(json.count == Self.sessions)
        let kinds = (json.first?["conflicts"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
        #expect(kinds.filter { $0 == "personDoubleBooked" }.count == ScheduleRules.listedPerKind)
        #expect(kinds.contains("personDoubleBookedMore") && kinds.contains("placeDoubleBookedMore"))
    }

    @Test func battleReportStaysLinear() throws {
        let cli = try crowded()
        let report = try cli.run("battle", "report", "Batalla de La Gaviota", "--format", "json")
        #expect(report.code == 0, "\(report.stderr)")
        #expect(report.stdout.utf8.count < 12_000_000, "\(report.stdout.utf8.count) bytes")
        let text = try cli.run("battle", "report", "Batalla de La Gaviota")
        #expect(text.code == 0)
        #expect(text.stdout.utf8.count < 4_000_000, "\(text.stdout.utf8.count) bytes")
    }

    @Test func aRecordOfAThousandDoubleBookingsIsRefusedInFewLines() throws {
        let cli = try CLI()
        try #require(try cli.run(arguments: ["import"] + CurriculumCommandTests.packs).code == 0)
        let ana = RecordFixture.Person(name: "Ana Rivas")
        var record = RecordFixture(people: [ana])
        record.sessions = (0..<Self.sessions).map { _ in
            .init(start: "2026-12-01T09:00:00-04:00", end: "2026-12-01T11:00:00-04:00",
                  participants: [.init(person: ana.id, role: "facilitator")])
        }
        let result = try cli.run("import", try record.write(cli))
        #expect(result.code == 65)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == Importer.problemsPerFile + 2, "\(result.stderr.prefix(3000))")
        #expect(lines.last?.contains("nothing was written") == true)
    }
}
