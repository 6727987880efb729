import Foundation
import Testing

/// Issue 19's "done when": a whole first battle planned from scratch without a single `--force`:
/// fifteen people, two veterans whose prior learning is recognised, two crews on repair shifts, and a
/// three-step prerequisite chain inside the one battle. Then what brings the conflicts back.
@Suite struct FirstBattlePlanningTests {
    static let battle = "Batalla de Pequiven"
    static let crewA = ["Ana Rivas", "Beto Salazar", "Carla Mendoza", "Darío Pérez", "Elena Bravo", "Félix Rojas", "Gloria Díaz"]
    static let crewB = ["Hugo Peña", "Inés Castro", "Jesús Mora", "Karla Silva", "Luis Ortega", "Marta Gil"]
    static let veterans = ["Ramón Guevara", "Teresa Lugo"]

    /// Every command of the plan: none may carry `--force`.
    @discardableResult
    func run(_ cli: CLI, _ arguments: String...) throws -> CLI.Result { try run(cli, arguments) }

    @discardableResult
    func run(_ cli: CLI, _ arguments: [String]) throws -> CLI.Result {
        #expect(!arguments.contains("--force"))
        let result = try cli.run(arguments: arguments)
        #expect(result.code == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    /// The sessions' ids: [day][crew], day 0 proportion-by-eye, 1 orthographic-views, 2 isometric-sketch.
    func plan() throws -> (cli: CLI, sessions: [[String]]) {
        let cli = try CLI()
        try run(cli, ["import"] + CurriculumCommandTests.packs)
        try run(cli, "plant", "add", "Pequiven Morón", "--state", "carabobo")
        try run(cli, "battle", "add", Self.battle, "--plant", "Pequiven Morón", "--start", "2026-12-01", "--end", "2026-12-05",
                    "--time-zone", "America/Caracas")
        for name in Self.crewA + Self.crewB { try run(cli, "person", "add", name, "--plant", "pequiven moron") }
        for name in Self.veterans { try run(cli, "person", "add", name, "--retired") }
        // Thirty years at the lathe: recognised, so the veterans teach at the very first battle.
        let qualified = try run(cli, "person", "qualify", "Ramon Guevara", "proportion-by-eye", "orthographic-views",
                                "--note", "treinta años en el torno")
        #expect(qualified.stderr.contains("recognised Ramón Guevara's prior learning in freehand-drawing/proportion-by-eye"), "\(qualified.stderr)")
        try run(cli, "person", "qualify", "teresa lugo", "isometric-sketch", "--by", "Ramón Guevara")

        var sessions: [[String]] = []
        let workshops = [("proportion-by-eye", "11:00", "17:00"), ("orthographic-views", "11:30", "17:30"), ("isometric-sketch", "11:00", "17:00")]
        for (index, (workshop, endB, endA)) in workshops.enumerated() {
            let day = "2026-12-0\(index + 1)"
            // Crew A repairs in the morning, crew B in the afternoon; each learns while the other works.
            try run(cli, ["shift", "add", "--battle", Self.battle] + Self.crewA.flatMap { ["--person", $0] } + ["--start", "\(day) 06:00", "--end", "\(day) 14:00"])
            try run(cli, ["shift", "add", "--battle", Self.battle] + Self.crewB.flatMap { ["--person", $0] } + ["--start", "\(day) 14:00", "--end", "\(day) 22:00"])
            let facilitator = index < 2 ? "Ramón Guevara" : "Teresa Lugo"
            let forA = try run(cli, "session", "add", "--battle", Self.battle, "--workshop", workshop, "--start", "\(day) 15:00",
                               "--end", "\(day) \(endA)", "--place", "Taller", "--facilitator", facilitator)
            let forB = try run(cli, "session", "add", "--battle", Self.battle, "--workshop", workshop, "--start", "\(day) 09:00",
                               "--end", "\(day) \(endB)", "--place", "Taller", "--facilitator", facilitator)
            let ids = [forA.stdout.trimmingCharacters(in: .whitespacesAndNewlines), forB.stdout.trimmingCharacters(in: .whitespacesAndNewlines)]
            try run(cli, ["attend", ids[0]] + Self.crewA)
            try run(cli, ["attend", ids[1]] + Self.crewB)
            sessions.append(ids)
        }
        return (cli, sessions)
    }

    @Test func aWholeFirstBattleIsPlannedWithoutForceAndChecksClean() throws {
        let (cli, _) = try plan()
        let check = try cli.run("battle", "check", Self.battle)
        #expect(check.code == 0)
        #expect(check.stdout.hasPrefix("no conflicts\n"), "\(check.stdout)")
        // Days 2 and 3: every participant meets the prerequisite only by the day before (13 × 2).
        #expect(check.stdout.contains("Prerequisites met only by a planned session (26)"), "\(check.stdout)")
        #expect(check.stdout.contains("Ana Rivas: freehand-drawing/proportion-by-eye only planned, registered in freehand-drawing/proportion-by-eye @ Taller, 2026-12-01 15:00–17:00"))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(cli.run("battle", "check", Self.battle, "--format", "json").stdout.utf8)) as? [[String: Any]])
        #expect(json.count == 4)
        #expect(json.allSatisfy { ($0["conflicts"] as? [Any])?.isEmpty == true })
        #expect(json.map { ($0["plannedPrerequisites"] as? [Any])?.count ?? -1 } == [6, 7, 6, 7] || json.map { ($0["plannedPrerequisites"] as? [Any])?.count ?? -1 } == [7, 6, 7, 6])
        let first = try #require((json[0]["plannedPrerequisites"] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == ["person", "name", "prerequisite", "plannedIn", "plannedInLabel", "message"])

        let spanish = try cli.run("battle", "check", Self.battle, "--lang", "es")
        #expect(spanish.stdout.contains("Prerrequisitos cumplidos solo por una sesión planificada (26)"), "\(spanish.stdout)")
    }

    @Test func markedAbsentOrCancelledThePrerequisiteComesBackAsSoft() throws {
        let (cli, sessions) = try plan()
        // Ana will not come on day 1: her day-2 session misses its prerequisite.
        try #require(try cli.run("attend", sessions[0][0], "Ana Rivas", "--status", "absent").code == 0)
        var check = try cli.run("battle", "check", Self.battle)
        #expect(check.stdout.contains("[warning] Ana Rivas has not attended the prerequisite freehand-drawing/proportion-by-eye"), "\(check.stdout)")
        #expect(!check.stdout.contains("Ana Rivas: freehand-drawing/proportion-by-eye only planned"))
        // Crew B's day-2 session cancelled: their day-3 prerequisite comes back for all six.
        try #require(try cli.run("session", "cancel", sessions[1][1]).code == 0)
        check = try cli.run("battle", "check", Self.battle)
        for name in Self.crewB {
            #expect(check.stdout.contains("[warning] \(name) has not attended the prerequisite freehand-drawing/orthographic-views"), "\(check.stdout)")
        }
        let json = try cli.run("battle", "check", Self.battle, "--format", "json")
        #expect(json.stdout.contains("\"kind\" : \"missingPrerequisite\""))
        #expect(json.stdout.contains("\"hard\" : false"))
    }

    @Test func attendanceMakesThePlanRealAndKeepsTheCheckCleanOnAnyDate() throws {
        let (cli, sessions) = try plan()
        for ids in sessions {
            try #require(try cli.run(arguments: ["attend", ids[0], "--status", "attended"] + Self.crewA).code == 0)
            try #require(try cli.run(arguments: ["attend", ids[1], "--status", "attended"] + Self.crewB).code == 0)
        }
        for time in ["2026-11-20 12:00:00", "2031-06-15 12:00:00"] {
            let check = try cli.run(at: time, "battle", "check", Self.battle)
            #expect(check.stdout == "no conflicts\n", "\(time): \(check.stdout)")
        }
    }
}
