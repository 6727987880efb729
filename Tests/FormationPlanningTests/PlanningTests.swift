import FormationDomain
import FormationPlanningSamples
import Foundation
import Testing
@testable import FormationPlanning

@Suite struct PlanningTests {
    @Test func prerequisitesChainInsideOnePlan() {
        // Nobody knows a; b needs a, c needs b. One window of six hours: a, then b, then c, the
        // same people, each learned two hours before the next.
        let instance = Tiny.instance(windows: [(8, 14)], people: [Tiny.person("t", taught: ["a", "b", "c"])] + Tiny.learners("l", 3)
                                         + [Tiny.person("late", free: [(10, 19)])],
                                     workshops: [Tiny.workshop("c", after: ["b"]), Tiny.workshop("b", after: ["a"]), Tiny.workshop("a")])
        let (plan, violations) = Tiny.plan(instance)
        #expect(violations.isEmpty, "\(violations)")
        #expect(plan.sessions.map(\.workshop) == [Tiny.ref("a"), Tiny.ref("b"), Tiny.ref("c")])
        #expect(plan.objective.learnings == 9)
        let b = plan.sessions[1]
        #expect(b.participants.allSatisfy { $0.prerequisites == [.init(workshop: Tiny.ref("a"), knows: Knowledge(.plan, session: 0))] })
        // "late" misses a (on shift until 10:00), so may not join b or c.
        #expect(!plan.sessions.flatMap(\.people).contains("late"))
    }

    @Test func aRequestNobodyCanTeachIsExplainedInWords() throws {
        let instance = Tiny.instance(people: Tiny.learners("l", 5), workshops: [Tiny.workshop("welding")])
        let (plan, violations) = Tiny.plan(instance)
        #expect(violations.isEmpty)
        #expect(plan.sessions.isEmpty)
        #expect(plan.issues == [.nobodyCanTeach(workshop: Tiny.ref("welding"))])
        let issue = try #require(plan.issues.first)
        #expect(issue.message.text(.en).hasPrefix("nobody can teach test/welding"))
        #expect(issue.message.text(.es).hasPrefix("nadie puede facilitar test/welding"))
    }

    @Test func emptyRequestsAreExplained() {
        let people = Tiny.learners("l", 3)
        #expect(Planner.solve(Tiny.instance(windows: [], people: people, workshops: [Tiny.workshop("a")])).issues == [.noWindows])
        #expect(Planner.solve(Tiny.instance(places: [], people: people, workshops: [Tiny.workshop("a")])).issues == [.noPlaces])
        #expect(Planner.solve(Tiny.instance(people: people, workshops: [])).issues == [.noWorkshops])
        let everyone = Tiny.instance(people: [Tiny.person("t", taught: ["a"]), Tiny.person("k", attended: ["a"])], workshops: [Tiny.workshop("a")])
        #expect(Planner.solve(everyone).issues == [.everyoneKnows(workshop: Tiny.ref("a"))])
        let unmet = Tiny.instance(people: [Tiny.person("t", taught: ["b"])] + people, workshops: [Tiny.workshop("b", after: ["z"])])
        #expect(Planner.solve(unmet).issues == [.prerequisitesUnmet(workshop: Tiny.ref("b"), prerequisites: [Tiny.ref("z")])])
        let overlapping = Tiny.instance(windows: [(8, 12), (11, 13)], people: people, workshops: [Tiny.workshop("a")])
        guard case .invalidInstance = Planner.solve(overlapping).issues.first else {
            Issue.record("overlapping windows accepted")
            return
        }
    }

    @Test func theInstanceRoundTripsThroughJSON() throws {
        let instance = SampleBattle.instance(.normal)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(instance)
        let decoded = try JSONDecoder().decode(PlanningInstance.self, from: data)
        #expect(decoded == instance)
        #expect(try encoder.encode(decoded) == data)
        // The optional fields have defaults, so a hand-written instance can be short.
        let minimal = """
            {"windows": [{"start": 0, "end": 14400}], "places": ["taller"],
             "people": [{"id": "p1", "availability": [{"start": 0, "end": 14400}]}],
             "workshops": [{"ref": "freehand-drawing/dimensioning", "minutes": 180, "maxParticipants": 12}]}
            """
        let short = try JSONDecoder().decode(PlanningInstance.self, from: Data(minimal.utf8))
        #expect(short.slotMinutes == 30 && short.maxFacilitators == 2 && short.fixedSessions.isEmpty)
        #expect(short.people[0].name == "p1" && short.workshops[0].minParticipants == 1)
    }

    @Test func thePlanRoundTripsThroughJSON() throws {
        let instance = Tiny.instance(people: [Tiny.person("t", taught: ["a"]), Tiny.person("f", attended: ["a"])] + Tiny.learners("l", 3),
                                     workshops: [Tiny.workshop("a")])
        let plan = Planner.solve(instance)
        let data = try JSONEncoder().encode(plan)
        #expect(try JSONDecoder().decode(Plan.self, from: data) == plan)
    }

    @Test func verifyFindsBrokenRules() {
        let instance = Tiny.instance(windows: [(8, 10)], places: ["taller", "comedor"],
                                     people: [Tiny.person("t", taught: ["a", "b"])] + Tiny.learners("l", 3),
                                     workshops: [Tiny.workshop("a"), Tiny.workshop("b")])
        func session(_ id: String, _ place: String) -> ProposedSession {
            ProposedSession(workshop: Tiny.ref(id), place: place, start: Tiny.at(8), end: Tiny.at(10),
                            facilitators: [.init(person: "t", knows: Knowledge(.taught), firstTime: false)],
                            participants: ["l1", "l2", "l3"].map { .init(person: $0, prerequisites: []) })
        }
        let plan = Plan(sessions: [session("a", "taller"), session("b", "comedor")],
                        objective: .init(learnings: 6, learners: 3, firstTimeFacilitators: 0),
                        provenOptimal: true, gap: 0, learningsBound: 6, issues: [], seconds: 0)
        let violations = Planner.verify(plan, instance)
        #expect(violations.contains(.personDoubleBooked(session: 0, person: "t")))
        #expect(violations.contains(.personDoubleBooked(session: 1, person: "l1")))
    }

    /// A generated battle: whatever the solver finds in its time, every hard rule holds, and the
    /// planner answers within its limit even where CBC's root LP alone would take longer (the
    /// watchdog). The bound on the time is generous: loaded machines are slow, not wrong.
    @Test(arguments: [SampleBattle.Size.small, .normal])
    func generatedBattlesGiveSoundPlansInTime(_ size: SampleBattle.Size) {
        let instance = SampleBattle.instance(size)
        let plan = Planner.solve(instance, timeLimit: 1)
        #expect(!plan.sessions.isEmpty)
        #expect(Planner.verify(plan, instance).isEmpty)
        #expect(plan.seconds < 8)
    }

    /// The figures are solved in turn: with learnings tied, the plan that teaches more people wins.
    /// Two slots, one place, one learner per session: p can learn a or b, q only c; a and b (both
    /// for p) teach as much as a and c, but to one person.
    @Test func moreLearnersBreakATieInLearnings() {
        let instance = Tiny.instance(people: [Tiny.person("t", taught: ["a", "b", "c"]),
                                              Tiny.person("p", attended: ["c"]), Tiny.person("q", attended: ["a", "b"])],
                                     workshops: [Tiny.workshop("a", min: 1, max: 1), Tiny.workshop("b", min: 1, max: 1),
                                                 Tiny.workshop("c", min: 1, max: 1)])
        let (plan, violations) = Tiny.plan(instance)
        #expect(violations.isEmpty, "\(violations)")
        #expect(plan.objective.learnings == 2)
        #expect(plan.objective.learners == 2)
        #expect(plan.provenOptimal)
        #expect(plan.gap == 0)
        #expect(plan.learningsBound == 2)
    }
}
