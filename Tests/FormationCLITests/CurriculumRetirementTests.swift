import Foundation
import Testing

/// Issue 15, item 3: a newer version of a pack that drops workshops never orphans the sessions and
/// prerequisites that use them, a version cannot jump arbitrarily, and `--replace` is the way back.
@Suite struct CurriculumRetirementTests {
    /// The shipped freehand-drawing pack at `version`, keeping only the workshops `keep`.
    static func freehandDrawing(version: Int, keep: Set<String>) throws -> String {
        let shipped = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent("Curricula/freehand-drawing.xml"), encoding: .utf8)
        var lines: [Substring] = []
        var dropping = false
        for line in shipped.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  <workshop id=\"") {
                let id = line.dropFirst("  <workshop id=\"".count).prefix { $0 != "\"" }
                dropping = !keep.contains(String(id))
            }
            if !dropping { lines.append(line) }
            if line.hasPrefix("  </workshop>") { dropping = false }
        }
        return lines.joined(separator: "\n").replacingOccurrences(of: "id=\"freehand-drawing\" version=\"1\"",
                                                                   with: "id=\"freehand-drawing\" version=\"\(version)\"")
    }

    func write(_ cli: CLI, _ text: String, _ name: String) throws -> String {
        let path = cli.directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A battle with a session of orthographic-views that Ana taught and Carla attended.
    func planned() throws -> CLI {
        let cli = try BattleCommandTests().battle()
        let added = try BattleCommandTests().addSession(cli, "orthographic-views", "2026-12-01 09:00", "2026-12-01 11:00",
                                                        place: "Taller", facilitator: "Ana Rivas")
        try #require(added.code == 0, "\(added.stderr)")
        try #require(try cli.run("attend", String(added.stdout.prefix(8)), "Carla Mendoza", "--status", "attended", "--force").code == 0)
        return cli
    }

    @Test func aNewerVersionThatDropsUsedWorkshopsKeepsThemRetired() throws {
        let cli = try planned()
        let reportBefore = try cli.run("battle", "report", "Batalla de La Gaviota", "--format", "json").stdout
        let v2 = try write(cli, try Self.freehandDrawing(version: 2, keep: ["proportion-by-eye"]), "v2.xml")
        let imported = try cli.run("import", v2)
        #expect(imported.code == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("version 2 replaced version 1"))
        // Used by the session, and (through dimensioning and measuring-tools) by the other packs' prerequisites.
        #expect(imported.stderr.contains("kept as retired, because sessions or prerequisites use them: "
            + "freehand-drawing/orthographic-views, freehand-drawing/hidden-lines-sections, freehand-drawing/measuring-tools, "
            + "freehand-drawing/dimensioning"), "\(imported.stderr)")

        let check = try cli.run("check")
        #expect(check.code == 0, "\(check.stdout)\(check.stderr)")
        #expect(try cli.run("battle", "report", "Batalla de La Gaviota", "--format", "json").stdout == reportBefore)
        let history = try cli.run("history", "Carla Mendoza")
        #expect(history.code == 0)
        #expect(history.stdout.contains("Orthographic views") || history.stdout.contains("orthographic"), "\(history.stdout)")

        let list = try cli.run("workshop", "list", "--curriculum", "freehand-drawing")
        #expect(list.stdout.split(separator: "\n").filter { $0.contains("[retired]") }.count == 4, "\(list.stdout)")
        #expect(!list.stdout.contains("isometric-sketch"), "unused workshops are gone")
        let show = try cli.run("workshop", "show", "freehand-drawing/orthographic-views")
        #expect(show.code == 0)
        #expect(show.stdout.contains("(freehand-drawing/orthographic-views) [retired]"))
        let json = try #require(try cli.json("workshop", "show", "orthographic-views") as? [String: Any])
        #expect(json["retired"] as? Bool == true)
        let curricula = try #require(try cli.json("curriculum", "list") as? [[String: Any]])
        #expect(curricula.first { $0["id"] as? String == "freehand-drawing" }?["workshopCount"] as? Int == 1)

        let refused = try BattleCommandTests().addSession(cli, "orthographic-views", "2026-12-02 09:00", "2026-12-02 11:00",
                                                          place: "Taller", facilitator: "Ana Rivas")
        #expect(refused.code == 65)
        #expect(refused.stderr.contains("workshop freehand-drawing/orthographic-views was dropped from its curriculum (now version 2)"),
                "\(refused.stderr)")

        // The pack exported is version 2 as its authors wrote it, and importing it again changes nothing.
        let exported = cli.directory.appendingPathComponent("exported.xml").path
        #expect(try cli.run("curriculum", "export", "freehand-drawing", "-o", exported).code == 0)
        let text = try String(contentsOfFile: exported, encoding: .utf8)
        #expect(text.contains("proportion-by-eye") && !text.contains("orthographic-views"))
        let again = try cli.run("import", v2)
        #expect(again.code == 0, "\(again.stderr)")
        #expect(again.stderr.contains("already here; nothing changed"))
    }

    @Test func aVersionCannotJumpWithoutReplaceAndReplaceGoesBack() throws {
        let cli = try planned()
        let all: Set = ["proportion-by-eye", "orthographic-views", "isometric-sketch", "hidden-lines-sections", "measuring-tools",
                        "dimensioning", "standard-elements", "repair-order", "assembly-survey", "teaching-freehand-drawing"]
        let stranger = try write(cli, try Self.freehandDrawing(version: 999_999, keep: ["proportion-by-eye"]), "stranger.xml")
        let refused = try cli.run("import", stranger)
        #expect(refused.code == 65)
        #expect(refused.stderr.contains("freehand-drawing version 999999 jumps more than 10 versions past version 1"), "\(refused.stderr)")
        #expect(try #require(try cli.json("curriculum", "list") as? [[String: Any]]).first?["version"] as? Int == 1)

        let taken = try cli.run("import", stranger, "--replace")
        #expect(taken.code == 0, "\(taken.stderr)")
        // Version 1 back: an older version, taken with --replace; the retired workshops are current again.
        let shipped = CLI.repositoryRoot.appendingPathComponent("Curricula/freehand-drawing.xml").path
        let skipped = try cli.run("import", shipped)
        #expect(skipped.stderr.contains("older than version 999999"))
        let back = try cli.run("import", shipped, "--replace")
        #expect(back.code == 0, "\(back.stderr)")
        #expect(back.stderr.contains("version 1 replaced version 999999"), "\(back.stderr)")
        let workshops = try #require(try cli.json("workshop", "list", "--curriculum", "freehand-drawing") as? [[String: Any]])
        #expect(Set(workshops.compactMap { $0["id"] as? String }) == all)
        #expect(workshops.allSatisfy { $0["retired"] as? Bool == false })
        #expect(try cli.run("check").code == 0)
        let exported = cli.directory.appendingPathComponent("back.xml").path
        #expect(try cli.run("curriculum", "export", "freehand-drawing", "-o", exported).code == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: exported)) == Data(contentsOf: URL(fileURLWithPath: shipped)))
        // Within the step, no --replace is needed.
        let v11 = try write(cli, try Self.freehandDrawing(version: 11, keep: all), "v11.xml")
        #expect(try cli.run("import", v11).code == 0)
    }

    @Test func sameVersionReplaceKeepsUsedWorkshopsRetiredToo() throws {
        let cli = try planned()
        let v1 = try write(cli, try Self.freehandDrawing(version: 1, keep: ["proportion-by-eye"]), "v1-short.xml")
        let conflict = try cli.run("import", v1)
        #expect(conflict.code == 65)
        let replaced = try cli.run("import", v1, "--replace")
        #expect(replaced.code == 0, "\(replaced.stderr)")
        #expect(replaced.stderr.contains("freehand-drawing/orthographic-views"), "\(replaced.stderr)")
        #expect(try cli.run("check").code == 0)
        #expect(try cli.run("battle", "report", "Batalla de La Gaviota").code == 0)
    }

    @Test func checkReportsADanglingCrossPackPrerequisite() throws {
        let cli = try planned()
        // A workshop removed behind formation's back (an older formation, a hand edit).
        try SQLiteShell.run(cli.database, "DELETE FROM workshop WHERE curriculumId = 'freehand-drawing' AND id = 'dimensioning'")
        let check = try cli.run("check", "--format", "json")
        #expect(check.code == 65)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let problems = try #require(report["problems"] as? [[String: Any]])
        let dangling = problems.filter { $0["kind"] as? String == "danglingPrerequisite" }
        #expect(dangling.contains { $0["id"] as? String == "organising-production/sourcing-from-our-plants"
                                    && $0["detail"] as? String == "freehand-drawing/dimensioning" }, "\(problems)")
        #expect(dangling.contains { $0["id"] as? String == "plant-maintenance/making-replacement-parts" }, "\(problems)")
        let text = try cli.run("check")
        #expect(text.stdout.contains("organising-production/sourcing-from-our-plants requires freehand-drawing/dimensioning, which is not stored")
                || text.stderr.contains("organising-production/sourcing-from-our-plants requires freehand-drawing/dimensioning, which is not stored"),
                "\(text.stdout)\(text.stderr)")
    }
}
