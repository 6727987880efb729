import Foundation
import Testing

/// One `import` call takes packs and records in any order, names the pack a missing curriculum
/// comes from, and `curriculum diff --format json` shows texts as `{en, es}` (issue 20).
@Suite struct ImportOrderTests {
    /// A battle record exported from a battle with one session.
    func record() throws -> (cli: CLI, path: String) {
        let cli = try BattleCommandTests().battle()
        try #require(try BattleCommandTests().addSession(cli, "proportion-by-eye", "2026-12-01 09:00", "2026-12-01 11:00",
                                                       place: "Taller", facilitator: "Ana Rivas").code == 0)
        let path = cli.directory.appendingPathComponent("batalla.xml").path
        try #require(try cli.run("battle", "export", "Batalla de La Gaviota", "--as", "record", "-o", path).code == 0)
        return (cli, path)
    }

    @Test func aRecordBeforeItsPacksImports() throws {
        let (_, path) = try record()
        let fresh = try CLI()
        let result = try fresh.run(arguments: ["import", path] + CurriculumCommandTests.packs.reversed())
        #expect(result.code == 0, "\(result.stderr)")
        #expect((try fresh.json("session", "list", "--battle", "Batalla de La Gaviota") as? [Any])?.count == 1)
    }

    /// Every order of the three shipped packs and a record, in one call each, gives the same
    /// database (its rows, the change log aside: it holds times).
    @Test func everyOrderOfTheArgumentsGivesTheSameDatabase() throws {
        let (_, path) = try record()
        let files = CurriculumCommandTests.packs + [path]
        var dumps: [String: [String]] = [:]
        for order in Self.permutations(files) {
            let fresh = try CLI()
            let result = try fresh.run(arguments: ["import"] + order)
            #expect(result.code == 0, "\(order.map { ($0 as NSString).lastPathComponent }): \(result.stderr)")
            let dump = try SQLiteShell.run(fresh.database, ".dump")
            // Sorted: a table lists its rows in the order they were inserted, the same rows whatever the order.
            let rows = dump.split(separator: "\n").filter { !$0.contains("INTO changeLog") }.map(String.init).sorted()
            dumps[order.map { ($0 as NSString).lastPathComponent }.joined(separator: " "), default: []] = rows
        }
        #expect(dumps.count == 24)
        let first = try #require(dumps.values.first)
        #expect(first.contains { $0.contains("INSERT INTO session") })
        for (order, rows) in dumps where rows != first {
            let difference = rows.difference(from: first).first.map { "\($0)".prefix(300) } ?? ""
            Issue.record("import \(order) gave another database: \(difference)")
        }
    }

    static func permutations<T>(_ items: [T]) -> [[T]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index in
            var rest = items
            let item = rest.remove(at: index)
            return permutations(rest).map { [item] + $0 }
        }
    }

    @Test func aMissingCurriculumIsNamedWithItsPack() throws {
        let cli = try CLI()
        let drawing = try #require(CurriculumCommandTests.packs.first { $0.hasSuffix("freehand-drawing.xml") })
        let alone = try cli.run("import", drawing)
        #expect(alone.code == 65)
        #expect(alone.stderr.contains("which this database does not have: import the '"), "\(alone.stderr)")
        #expect(try cli.run(arguments: ["import"] + CurriculumCommandTests.packs).code == 0)
    }

    @Test func diffShowsTextsByLanguage() throws {
        let cli = try CLI()
        let drawing = try #require(CurriculumCommandTests.packs.first { $0.hasSuffix("freehand-drawing.xml") })
        let original = try String(contentsOfFile: drawing, encoding: .utf8)
        let edited = original.replacingOccurrences(of: "id=\"freehand-drawing\" version=\"1\"", with: "id=\"freehand-drawing\" version=\"2\"")
            .replacingOccurrences(of: "<title xml:lang=\"en\">Freehand drawing of mechanical parts</title>",
                                  with: "<title xml:lang=\"en\">Drawing parts by hand</title>")
        try #require(edited != original)
        let path = cli.directory.appendingPathComponent("new.xml").path
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let diff = try #require(try cli.json("curriculum", "diff", drawing, path) as? [String: Any])
        let title = try #require((diff["metadata"] as? [[String: Any]])?.first { $0["field"] as? String == "title" })
        #expect((title["old"] as? [String: String])?["en"] == "Freehand drawing of mechanical parts")
        #expect((title["new"] as? [String: String])?["en"] == "Drawing parts by hand")
        #expect((title["new"] as? [String: String])?["es"] == "Dibujo a mano alzada de piezas mecánicas")
    }

    @Test func aSameVersionConflictStillReportsThePacksOwnProblems() throws {
        let cli = try CLI()
        try #require(try cli.run(arguments: ["import"] + CurriculumCommandTests.packs).code == 0)
        let drawing = try #require(CurriculumCommandTests.packs.first { $0.hasSuffix("freehand-drawing.xml") })
        let original = try String(contentsOfFile: drawing, encoding: .utf8)
        // Same version, a changed title, and a prerequisite that leads nowhere.
        let edited = original
            .replacingOccurrences(of: "<title xml:lang=\"en\">Freehand drawing of mechanical parts</title>",
                                  with: "<title xml:lang=\"en\">Drawing parts by hand</title>")
            .replacingOccurrences(of: "<requires ref=\"proportion-by-eye\"/>", with: "<requires ref=\"no-such-workshop\"/>")
        try #require(edited != original && edited.contains("no-such-workshop"))
        let path = cli.directory.appendingPathComponent("edited.xml").path
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try cli.run("import", path)
        #expect(result.code == 65)
        #expect(result.stderr.contains("version 1"), "\(result.stderr)")
        #expect(result.stderr.contains("requires 'no-such-workshop'"), "\(result.stderr)")
    }
}
