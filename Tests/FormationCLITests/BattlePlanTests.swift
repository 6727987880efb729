import Foundation
import Testing

/// `battle plan` end to end (issue 23): plan → review → apply → check → undo, a request nobody can
/// teach explained in words, the instance and the plan as JSON.
@Suite struct BattlePlanTests {
    let base = BattleCommandTests()
    static let battle = "Batalla de La Gaviota"

    /// The fixture's battle with everyone on the roster, Ana recognised in the first drawing workshop
    /// and Beto on the morning shift of the first day.
    func battle() throws -> CLI {
        let cli = try base.battle()
        try #require(try cli.run("battle", "join", Self.battle, "Ana Rivas", "Beto Salazar", "Carla Mendoza", "Darío Pérez", "Elena Bravo").code == 0)
        try #require(try cli.run("person", "qualify", "Ana Rivas", "proportion-by-eye").code == 0)
        try #require(try cli.run("shift", "add", "--battle", Self.battle, "--person", "Beto Salazar", "--start", "2026-12-01 06:00",
                                 "--end", "2026-12-01 12:00").code == 0)
        return cli
    }

    @Test func aPlanIsReviewedThenAppliedInOneChangeThatUndoReverts() throws {
        let cli = try battle()
        let review = try cli.run("battle", "plan", Self.battle, "--place", "Taller", "--workshop", "proportion-by-eye", "--time-limit", "5")
        #expect(review.code == 0, "\(review.stderr)")
        #expect(review.stdout.contains("Proposed sessions (1)"), "\(review.stdout)")
        #expect(review.stdout.contains("facilitators: Ana Rivas (recognised in freehand-drawing/proportion-by-eye; first time teaching it)"))
        #expect(review.stdout.contains("Beto Salazar (learns it)"))
        #expect(review.stdout.contains("Objective: 4 learnings, 4 people learning, 1 first-time facilitators"))
        #expect(review.stdout.contains("proven optimal"))
        #expect(review.stderr.hasSuffix("nothing written: review the plan, then run the same command with --apply\n"))
        #expect(try cli.run("session", "list", "--battle", Self.battle).stdout.contains("proportion-by-eye") == false)

        let applied = try cli.run("battle", "plan", Self.battle, "--place", "Taller", "--workshop", "proportion-by-eye", "--apply", "--lang", "es")
        #expect(applied.code == 0, "\(applied.stderr)")
        #expect(applied.stderr.contains("se agregaron 1 sesiones con 5 inscripciones a Batalla de La Gaviota en un solo cambio"), "\(applied.stderr)")
        // Beto's shift ends at noon: the session waits for him.
        #expect(!(try cli.run("battle", "show", Self.battle).stdout.contains("08:00 Line, circle")))
        #expect(try cli.run("battle", "check", Self.battle).stdout == "no conflicts\n")
        #expect(try cli.run("log", "--limit", "1").stdout.contains("added session freehand-drawing/proportion-by-eye @ Taller"))
        #expect(try cli.run("undo").code == 0)
        let left = try JSONSerialization.jsonObject(with: Data(cli.run("session", "list", "--battle", Self.battle, "--format", "json").stdout.utf8))
        #expect((left as? [Any])?.isEmpty == true)
    }

    @Test func aRequestNobodyCanTeachIsExplainedInWords() throws {
        let cli = try battle()
        let refused = try cli.run("battle", "plan", Self.battle, "--place", "Taller", "--workshop", "orthographic-views")
        #expect(refused.code == 65)
        #expect(refused.stdout.contains("Proposed sessions (0)"))
        #expect(refused.stderr.contains("error: nobody can teach freehand-drawing/orthographic-views: nobody on the roster has taught it, attended it or is qualified for it"), "\(refused.stderr)")
        let spanish = try cli.run("battle", "plan", Self.battle, "--workshop", "orthographic-views", "--lang", "es")
        #expect(spanish.code == 65)
        #expect(spanish.stderr.contains("no hay ningún lugar donde hacer sesiones: indica uno con --place"), "\(spanish.stderr)")
        #expect(try cli.run("battle", "plan", Self.battle, "--window", "8-12").code == 64)
        #expect(try cli.run("battle", "plan", Self.battle, "--time-limit", "0").code == 64)
    }

    @Test func theInstanceAndThePlanAreWrittenAsJSON() throws {
        let cli = try battle()
        let file = cli.directory.appendingPathComponent("instance.json").path
        let result = try cli.run("battle", "plan", Self.battle, "--place", "Taller", "--window", "09:00-13:00", "--format", "json", "--instance", file)
        #expect(result.code == 0, "\(result.stderr)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((plan["objective"] as? [String: Any])?["learnings"] as? Int == 4)
        #expect(plan["applied"] as? Bool == false)
        let session = try #require((plan["sessions"] as? [[String: Any]])?.first)
        // Beto's shift ends at noon on the first day: a two-hour session inside 09:00–13:00 waits for another day.
        let start = try #require(session["start"] as? String)
        #expect(!start.hasPrefix("2026-12-01"), "\(start)")
        #expect(["09:00", "09:30", "10:00", "10:30", "11:00"].contains(String(start.dropFirst(11).prefix(5))), "\(start)")
        let instance = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        #expect(instance["version"] as? Int == 1)
        #expect(instance["places"] as? [String] == ["Taller"])
        #expect((instance["people"] as? [[String: Any]])?.count == 5)
        #expect((instance["windows"] as? [[String: Any]])?.count == 5)
        let ana = try #require((instance["people"] as? [[String: Any]])?.first { $0["name"] as? String == "Ana Rivas" })
        #expect(ana["qualified"] as? [String] == ["freehand-drawing/proportion-by-eye"])
        #expect(result.stderr.contains("wrote the planning instance to \(file)"))
    }
}
