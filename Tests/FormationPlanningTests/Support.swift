import FormationDomain
@testable import FormationPlanning

/// Tiny battles, one day long (2026-12-07 in America/Caracas, 04:00 UTC at midnight), written by hours.
enum Tiny {
    static let midnight: Int64 = 1_796_616_000
    static func at(_ hour: Double) -> Int64 { midnight + Int64(hour * 3_600) }
    static func span(_ from: Double, _ to: Double) -> PlanningInstance.Interval { .init(start: at(from), end: at(to)) }

    static func ref(_ id: String) -> WorkshopRef { WorkshopRef(curriculum: Slug(trusted: "test"), workshop: Slug(trusted: id)) }

    static func workshop(_ id: String, minutes: Int = 120, min: Int = 2, max: Int = 10, after prerequisites: [String] = [])
        -> PlanningInstance.Workshop {
        .init(ref: ref(id), minutes: minutes, minParticipants: min, maxParticipants: max, prerequisites: prerequisites.map(ref))
    }

    static func person(_ id: String, free: [(Double, Double)] = [(7, 19)], taught: [String] = [], attended: [String] = [],
                       qualified: [String] = []) -> PlanningInstance.Person {
        .init(id: id, name: id.uppercased(), availability: free.map { span($0.0, $0.1) }, taught: taught.map(ref),
              attended: attended.map(ref), qualified: qualified.map(ref))
    }

    static func learners(_ prefix: String, _ count: Int, free: [(Double, Double)] = [(7, 19)]) -> [PlanningInstance.Person] {
        (1...count).map { person("\(prefix)\($0)", free: free) }
    }

    static func instance(windows: [(Double, Double)] = [(8, 12)], places: [String] = ["taller"],
                         people: [PlanningInstance.Person], workshops: [PlanningInstance.Workshop],
                         fixed: [PlanningInstance.FixedSession] = []) -> PlanningInstance {
        PlanningInstance(days: [span(0, 24)], windows: windows.map { span($0.0, $0.1) }, places: places, people: people,
                         workshops: workshops, fixedSessions: fixed)
    }

    /// Solves and checks the plan with `Planner.verify`, which re-checks every hard rule.
    static func plan(_ instance: PlanningInstance, timeLimit: Double = 5) -> (Plan, [PlanViolation]) {
        let plan = Planner.solve(instance, timeLimit: timeLimit)
        return (plan, Planner.verify(plan, instance))
    }
}

extension Plan {
    func sessions(of id: String) -> [ProposedSession] { sessions.filter { $0.workshop == Tiny.ref(id) } }
}

extension ProposedSession {
    var people: [String] { facilitators.map(\.person) + participants.map(\.person) }
}
