import Foundation
import Testing

/// A facilitator plans a battle from the terminal: the commands' arguments, exit codes and output.
/// The scheduling rules themselves are tested on the use cases (FormationUseCasesTests/Scheduling).
@Suite struct BattleCommandTests {
    /// A plant, five people, a five-day battle in Caracas time, and the shipped curricula.
    func battle() throws -> CLI {
        let cli = try CLI()
        try #require(try cli.run(arguments: ["import"] + CurriculumCommandTests.packs).code == 0)
        try #require(try cli.run("plant", "add", "La Gaviota", "--state", "Sucre").code == 0)
        for name in ["Ana Rivas", "Beto Salazar", "Carla Mendoza", "Darío Pérez", "Elena Bravo"] {
            try #require(try cli.run("person", "add", name, "--plant", "La Gaviota").code == 0)
        }
        try #require(try cli.run("battle", "add", "Batalla de La Gaviota", "--plant", "La Gaviota", "--start", "2026-12-01",
                                 "--end", "2026-12-05", "--time-zone", "America/Caracas").code == 0)
        return cli
    }

    func addSession(_ cli: CLI, _ workshop: String, _ start: String, _ end: String, place: String, facilitator: String,
                    force: Bool = true) throws -> CLI.Result {
        try cli.run(arguments: ["session", "add", "--battle", "Batalla de La Gaviota", "--workshop", workshop, "--start", start,
                                "--end", end, "--place", place, "--facilitator", facilitator] + (force ? ["--force"] : []))
    }

    func id(_ result: CLI.Result) -> String { String(result.stdout.prefix(8)) }

    @Test func plansAFullBattle() throws {
        let cli = try battle()
        let drawing = try addSession(cli, "proportion-by-eye", "2026-12-01 14:00", "2026-12-01 16:00", place: "Taller mecánico", facilitator: "Ana Rivas")
        #expect(drawing.code == 0, "\(drawing.stderr)")
        #expect(drawing.stderr.contains("recorded conflict: Ana Rivas has never attended nor taught freehand-drawing/proportion-by-eye"))
        let safety = try addSession(cli, "plant-maintenance/lockout-tagout", "2026-12-02 08:00", "2026-12-02 11:00", place: "Patio", facilitator: "Beto Salazar")
        #expect(safety.code == 0)
        let shifts = try cli.run("shift", "add", "--battle", "Batalla de La Gaviota", "--person", "Carla Mendoza", "--person", "Darío Pérez",
                                 "--start", "2026-12-02 06:00", "--end", "2026-12-02 14:00")
        #expect(shifts.code == 0)
        #expect(shifts.stdout.split(separator: "\n").count == 2)
        // Registration from a typed sign-in sheet, with a status per row.
        let sheet = cli.directory.appendingPathComponent("hoja.csv")
        try Data("nombre,estado\nCarla Mendoza,asistió\n\"Pérez, Darío\",ausente\nDarío Pérez,ausente\nElena Bravo,x\n".utf8).write(to: sheet)
        let bad = try cli.run("attend", id(drawing), "--csv", sheet.path)
        #expect(bad.code == 65)
        #expect(bad.stderr.contains("Pérez, Darío"))
        try Data("nombre,estado\nCarla Mendoza,asistió\nDarío Pérez,ausente\nElena Bravo,x\n".utf8).write(to: sheet)
        let attended = try cli.run("attend", id(drawing), "--csv", sheet.path)
        #expect(attended.code == 0, "\(attended.stderr)")
        #expect(attended.stderr.hasSuffix("formation: 2 attended, 1 absent (session \(id(drawing)))\n"))
        let sessions = try #require(try cli.json("session", "list", "--battle", "Batalla de La Gaviota") as? [[String: Any]])
        #expect(sessions.count == 2)
        #expect(sessions[0]["start"] as? String == "2026-12-01T14:00:00-04:00")
        #expect(sessions[0]["end"] as? String == "2026-12-01T16:00:00-04:00")
        #expect(sessions[0]["attended"] as? Int == 2)
        #expect(sessions[0]["participants"] as? Int == 3)
        #expect((sessions[0]["facilitators"] as? [[String: Any]])?.first?["name"] as? String == "Ana Rivas")
        let day2 = try #require(try cli.json("session", "list", "--battle", "Batalla de La Gaviota", "--day", "2026-12-02") as? [[String: Any]])
        #expect(day2.map { $0["workshop"] as? String } == ["plant-maintenance/lockout-tagout"])

        // A participant on shift is a soft conflict naming the shift.
        let onShift = try cli.run("attend", id(safety), "Carla Mendoza")
        #expect(onShift.code == 65)
        #expect(onShift.stderr.contains("Carla Mendoza is on a repair shift from 2026-12-02 06:00 to 2026-12-02 14:00"))
        #expect(onShift.stderr.contains("--force"), "a soft conflict says how to go ahead")
        // Marking someone absent never conflicts.
        #expect(try cli.run("attend", id(safety), "Carla Mendoza", "--status", "absent").code == 0)

        let grid = try cli.run("battle", "show", "Batalla de La Gaviota")
        #expect(grid.code == 0)
        #expect(grid.stdout.contains("Taller mecánico"))
        #expect(grid.stdout.contains("14:00 Line, circle and proportion by eye"))
        #expect(grid.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "grid wider than 80 columns")
        let check = try cli.run("battle", "check", "Batalla de La Gaviota")
        #expect(check.stdout.contains("[forced] Ana Rivas has never attended nor taught"))
        let html = cli.directory.appendingPathComponent("sheet.html").path
        #expect(try cli.run("session", "sheet", id(drawing), "-o", html).code == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("Carla Mendoza") && page.contains("Sign-in sheet"))
    }
}
