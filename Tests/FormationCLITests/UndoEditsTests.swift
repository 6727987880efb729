import Foundation
import Testing

/// Issue 18, done when: every kind of change (adds, edits, removes, shifts, attendance, an
/// import) is undone one by one back to the starting database; an undo that a later change
/// depends on is refused.
@Suite struct UndoEditsTests {
    @Test func everyKindOfChangeIsUndoneBackToTheStart() throws {
        let cli = try CLI()
        try #require(try cli.run(arguments: ["import"] + ChangeLogTests.packs).code == 0)
        let start = try ChangeLogTests.dump(cli)
        let battle = "Batalla de La Gaviota"

        func run(_ step: [String]) throws -> String {
            let result = try cli.run(arguments: step)
            try #require(result.code == 0, "\(step): \(result.stderr)")
            return String(result.stdout.prefix(8))
        }
        for step in [
            ["plant", "add", "La Gaviota", "--state", "Sucre"],
            ["plant", "add", "Amuay", "--state", "Falcón"],
            ["person", "add", "Ana Rivas", "--plant", "La Gaviota"],
            ["person", "add", "Beto Salazar"],
            ["person", "add", "Zoe Amuay", "--plant", "Amuay"],
            ["battle", "add", battle, "--plant", "La Gaviota", "--start", "2026-12-01", "--end", "2026-12-05", "--time-zone", "America/Caracas"],
        ] { _ = try run(step) }
        let session = try run(["session", "add", "--battle", battle, "--workshop", "plant-maintenance/lockout-tagout", "--start", "2026-12-02 08:00",
                               "--end", "2026-12-02 11:00", "--place", "Taller", "--facilitator", "Ana Rivas", "--force"])
        let shift = try run(["shift", "add", "--battle", battle, "--person", "Beto Salazar", "--start", "2026-12-03 06:00", "--end", "2026-12-03 14:00"])
        let pack = try CurriculumCommandTests().write(ChangeLogTests.pack, "welding.xml", in: cli)
        let steps: [[String]] = [
            ["attend", session, "Beto Salazar", "--force"],
            ["plant", "edit", "La Gaviota", "--state", "Falcón", "--sector", "Pesca"],
            ["person", "edit", "Beto Salazar", "--plant", "La Gaviota", "--retired"],
            ["battle", "edit", battle, "--name", "Batalla de La Gaviota 2026", "--end", "2026-12-04"],
            ["session", "edit", session, "--place", "Patio", "--start", "2026-12-02 09:00", "--force"],
            ["shift", "edit", shift, "--start", "2026-12-03 07:00"],
            ["person", "remove", "Zoe Amuay"],
            ["plant", "remove", "Amuay"],
            ["import", pack],
            ["shift", "remove", shift],
            ["attend", session, "Beto Salazar", "--remove"],
            ["session", "remove", session],
        ]
        for step in steps { _ = try run(step) }

        let log = try cli.run("log")
        let changes = 8 + steps.count
        #expect(log.stdout.split(separator: "\n").count == changes + 1, "\(log.stdout)")
        #expect(log.stdout.contains("changed plant La Gaviota (state Sucre → Falcón; sector none → Pesca)")
                || log.stdout.contains("changed plant La Gaviota (state Sucre → Falcón; sector)"), "\(log.stdout)")
        #expect(log.stdout.contains("changed battle Batalla de La Gaviota 2026 (name Batalla de La Gaviota → Batalla de La Gaviota 2026; end 2026-12-05 → 2026-12-04)"),
                "\(log.stdout)")
        #expect(log.stdout.contains("removed person Zoe Amuay"), "\(log.stdout)")

        // The battle's edit depends on its creation: refused, naming the edit, nothing written.
        let before = try ChangeLogTests.dump(cli)
        let refused = try cli.run("undo", "7")
        #expect(refused.code == 65)
        #expect(refused.stderr.contains("change #7 cannot be undone: the later change #"), "\(refused.stderr)")
        #expect(try ChangeLogTests.dump(cli) == before)

        try ChangeLogTests.undoEveryChange(cli, from: changes + 1, backTo: start)
    }
}
