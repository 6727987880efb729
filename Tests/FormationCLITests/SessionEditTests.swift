import Foundation
import Testing

/// `session edit`, `session remove` and the shift commands from the terminal: a session entered by
/// mistake is removed, one that took place cancelled; shifts are listed, moved and removed.
@Suite struct SessionEditTests {
    let battle = "Batalla de La Gaviota"

    func session(_ cli: CLI, at start: String = "2026-12-02 14:00", end: String = "2026-12-02 16:00", place: String = "Taller",
                 facilitator: String = "Ana Rivas") throws -> String {
        let added = try BattleCommandTests().addSession(cli, "proportion-by-eye", start, end, place: place, facilitator: facilitator)
        try #require(added.code == 0, "\(added.stderr)")
        return String(added.stdout.prefix(8))
    }

    /// The contract of `session edit`: what changed said on stderr, a refusal exit 65, nothing to
    /// change a usage error. Its rules are tested on the use cases (FormationUseCasesTests/Scheduling).
    @Test func sessionEditSaysWhatChangedAndRefusesByExitCode() throws {
        let cli = try BattleCommandTests().battle()
        let drawing = try session(cli)
        let other = try session(cli, at: "2026-12-03 08:00", end: "2026-12-03 10:00", place: "Patio", facilitator: "Beto Salazar")

        let moved = try cli.run("session", "edit", drawing, "--start", "3/12/2026 15h")
        #expect(moved.code == 0, "\(moved.stderr)")
        #expect(moved.stdout.isEmpty)
        #expect(moved.stderr == "formation: changed session freehand-drawing/proportion-by-eye @ Taller, 2026-12-03 15:00–17:00 [\(drawing)]: time 2026-12-02 14:00–16:00 → 2026-12-03 15:00–17:00\n",
                "\(moved.stderr)")
        let before = try ChangeLogTests.dump(cli)
        let hard = try cli.run("session", "edit", other, "--start", "2026-12-03 16:00", "--facilitator", "Ana Rivas", "--force")
        #expect(hard.code == 65)
        #expect(hard.stderr.contains("formation: error: Ana Rivas is already in another session at that time"), "\(hard.stderr)")
        #expect(try ChangeLogTests.dump(cli) == before)
        #expect(try cli.run("session", "edit", drawing).code == 64)
    }

    @Test func aSessionEnteredByMistakeIsRemovedAndOneHeldIsCancelled() throws {
        let cli = try BattleCommandTests().battle()
        let mistake = try session(cli)
        #expect(try cli.run("attend", mistake, "Beto Salazar", "--force").code == 0)
        let removed = try cli.run("session", "remove", mistake)
        #expect(removed.code == 0, "\(removed.stderr)")
        #expect(removed.stderr == "formation: removed session freehand-drawing/proportion-by-eye @ Taller, 2026-12-02 14:00–16:00 [\(mistake)] and its registrations (2)\n",
                "\(removed.stderr)")
        #expect(try cli.run("session", "list", "--battle", battle).stdout.contains(mistake) == false)

        let held = try session(cli)
        #expect(try cli.run("attend", held, "Beto Salazar", "--status", "attended", "--force").code == 0)
        let refused = try cli.run("session", "remove", held)
        #expect(refused.code == 65)
        #expect(refused.stderr.contains("attendance is recorded (people marked: 1); a session that took place is cancelled instead: formation session cancel \(held)"),
                "\(refused.stderr)")
        // Taking one person off is attend --remove.
        let off = try cli.run("attend", held, "Beto Salazar", "--remove")
        #expect(off.code == 0)
        #expect(off.stderr.contains("taken off session \(held): Beto Salazar"), "\(off.stderr)")
    }

    @Test func shiftsAreListedMovedAndRemoved() throws {
        let cli = try BattleCommandTests().battle()
        _ = try session(cli, at: "2026-12-02 15:00", end: "2026-12-02 17:00", facilitator: "Beto Salazar")
        let added = try cli.run("shift", "add", "--battle", battle, "--person", "Ana Rivas", "--person", "Carla Mendoza",
                                "--start", "2026-12-02 06:00", "--end", "2026-12-02 14:00")
        try #require(added.code == 0)
        let ana = String(added.stdout.prefix(8))
        let list = try cli.run("shift", "list", "--battle", battle)
        #expect(list.stdout.contains("\(ana)  Ana Rivas      2026-12-02 06:00–14:00"), "\(list.stdout)")
        let json = try #require(try cli.json("shift", "list", "--battle", battle, "--person", "Carla Mendoza") as? [[String: Any]])
        #expect(json.count == 1)
        #expect(json.first?["start"] as? String == "2026-12-02T06:00:00-04:00")
        #expect((json.first?["person"] as? [String: Any])?["name"] as? String == "Carla Mendoza")

        let overlap = try cli.run("shift", "edit", ana, "--person", "Carla Mendoza")
        #expect(overlap.code == 65)
        #expect(overlap.stderr.contains("Carla Mendoza already has a repair shift from 2026-12-02 06:00 to 2026-12-02 14:00"), "\(overlap.stderr)")
        let tooLong = try cli.run("shift", "edit", ana, "--end", "2026-12-03 14:00")
        #expect(tooLong.code == 65)
        // Over a session the person teaches: soft, as shift add says it.
        let overSession = try cli.run("shift", "edit", ana, "--person", "Beto Salazar", "--start", "2026-12-02 12:00")
        #expect(overSession.code == 65, "\(overSession.stderr)")
        let moved = try cli.run("shift", "edit", ana, "--person", "Beto Salazar", "--start", "2026-12-02 12:00", "--force")
        #expect(moved.code == 0, "\(moved.stderr)")
        #expect(moved.stderr.contains("time 2026-12-02 06:00–14:00 → 2026-12-02 12:00–20:00; person Ana Rivas → Beto Salazar"), "\(moved.stderr)")
        let removed = try cli.run("shift", "remove", ana)
        #expect(removed.code == 0)
        #expect(removed.stderr == "formation: removed shift Beto Salazar, 2026-12-02 12:00–20:00 [\(ana)]\n", "\(removed.stderr)")
        #expect(try cli.run("shift", "remove", ana).code == 65)
    }
}
