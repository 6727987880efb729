import FormationDomain
import Testing
@testable import FormationPlanning

/// Each hard rule on a battle where breaking it would teach more: the plan keeps the rule anyway,
/// and `Planner.verify` (which shares no code with the model) finds nothing wrong.
@Suite struct HardRuleTests {
    @Test func nobodyIsInTwoSessionsAtOnce() {
        // One teacher for two workshops, one two-hour window, two places: two sessions at once
        // would teach six; one teacher can give only one.
        let instance = Tiny.instance(windows: [(8, 10)], places: ["taller", "comedor"],
                                     people: [Tiny.person("t", taught: ["a", "b"])] + Tiny.learners("l", 3),
                                     workshops: [Tiny.workshop("a"), Tiny.workshop("b")])
        let (plan, violations) = Tiny.plan(instance)
        #expect(violations.isEmpty, "\(violations)")
        #expect(plan.sessions.count == 1)
        #expect(plan.objective.learnings == 3)
        #expect(plan.provenOptimal)
    }

    @Test func aFixedSessionKeepsItsPeopleAndPlace() {
        // The only teacher is busy in a session already planned: nothing else can be taught then.
        let fixed = PlanningInstance.FixedSession(workshop: Tiny.ref("x"), place: "comedor", start: Tiny.at(8), end: Tiny.at(10),
                                                  facilitators: ["t"], participants: [])
        let instance = Tiny.instance(windows: [(8, 10)], places: ["taller", "comedor"],
                                     people: [Tiny.person("t", taught: ["a"])] + Tiny.learners("l", 3),
                                     workshops: [Tiny.workshop("a")], fixed: [fixed])
        let (plan, violations) = Tiny.plan(instance)
        #expect(violations.isEmpty, "\(violations)")
        #expect(plan.sessions.isEmpty)
    }

    @Test func nobodyIsPlannedOutsideTheirAvailability() {
        // l4 is on shift until 09:00: the one session (08:00–10:00) would teach four with them.
        let instance = Tiny.instance(windows: [(8, 10)],
                                     people: [Tiny.person("t", taught: ["a"]), Tiny.person("l4", free: [(9, 19)])] + Tiny.learners("l", 3),
                                     workshops: [Tiny.workshop("a")])
        let (plan, violations) = Tiny.plan(instance)
        #expect(violations.isEmpty, "\(violations)")
        #expect(plan.objective.learnings == 3)
        #expect(!plan.sessions.flatMap(\.people).contains("l4"))
    }

    @Test func aPlaceHoldsOneSessionAtATime() {
        // Two teachers, two workshops, one place, one two-hour window: one session, not two (where
        // the other teacher learns: four learnings, not six).
        let instance = Tiny.instance(windows: [(8, 10)],
                                     people: [Tiny.person("t", taught: ["a"]), Tiny.person("u", taught: ["b"])] + Tiny.learners("l", 3),
                                     workshops: [Tiny.workshop("a"), Tiny.workshop("b")])
        let (plan, violations) = Tiny.plan(instance)
        #expect(violations.isEmpty, "\(violations)")
        #expect(plan.sessions.count == 1)
        #expect(plan.objective.learnings == 4)
    }

    @Test func aSessionLastsTheWorkshopsMinutesInsideOneWindow() {
        // Two windows of two hours; a three-hour workshop would fit across the lunch break only.
        let instance = Tiny.instance(windows: [(8, 10), (10, 12)],
                                     people: [Tiny.person("t", taught: ["a", "b"])] + Tiny.learners("l", 3),
                                     workshops: [Tiny.workshop("a", minutes: 180), Tiny.workshop("b", minutes: 90)])
        let (plan, violations) = Tiny.plan(instance)
        #expect(violations.isEmpty, "\(violations)")
        #expect(plan.sessions(of: "a").isEmpty)
        for session in plan.sessions { #expect(session.end - session.start == 90 * 60) }
        #expect(plan.issues.contains(.workshopTooLong(workshop: Tiny.ref("a"), minutes: 180, longestWindow: 120)))
    }

    @Test func participantsStayWithinTheLimits() {
        // Six want it, at most four fit, one slot: four learn, not six.
        let instance = Tiny.instance(windows: [(8, 10)], people: [Tiny.person("t", taught: ["a"])] + Tiny.learners("l", 6),
                                     workshops: [Tiny.workshop("a", min: 2, max: 4)])
        let (plan, violations) = Tiny.plan(instance)
        #expect(violations.isEmpty, "\(violations)")
        #expect(plan.sessions.map(\.participants.count) == [4])
    }

    @Test func aSessionBelowItsMinimumIsNotProposed() {
        // Two could learn, the workshop needs three; k1 has attended it already and does not count.
        let instance = Tiny.instance(people: [Tiny.person("t", taught: ["a"]), Tiny.person("k1", attended: ["a"])] + Tiny.learners("l", 2),
                                     workshops: [Tiny.workshop("a", min: 3)])
        let (plan, violations) = Tiny.plan(instance)
        #expect(violations.isEmpty, "\(violations)")
        #expect(plan.sessions.isEmpty)
        #expect(plan.issues == [.tooFewLearners(workshop: Tiny.ref("a"), eligible: 2, minimum: 3)])
    }

    @Test func nobodyAttendsWhatTheyAlreadyKnow() {
        // Room for everyone, but q (qualified) and k (attended) are not proposed as participants.
        let instance = Tiny.instance(people: [Tiny.person("t", taught: ["a"]), Tiny.person("q", qualified: ["a"]),
                                              Tiny.person("k", attended: ["a"])] + Tiny.learners("l", 3),
                                     workshops: [Tiny.workshop("a")])
        let (plan, violations) = Tiny.plan(instance)
        #expect(violations.isEmpty, "\(violations)")
        let participants = Set(plan.sessions.flatMap(\.participants).map(\.person))
        #expect(participants == ["l1", "l2", "l3"])
    }

    @Test func facilitatorsKnowTheWorkshop() {
        // Six learners and two places; only t can teach, so one session, however many would fit.
        let instance = Tiny.instance(windows: [(8, 10)], places: ["taller", "comedor"],
                                     people: [Tiny.person("t", taught: ["a"])] + Tiny.learners("l", 6),
                                     workshops: [Tiny.workshop("a", min: 3, max: 3)])
        let (plan, violations) = Tiny.plan(instance)
        #expect(violations.isEmpty, "\(violations)")
        #expect(plan.sessions.count == 1)
        #expect(plan.sessions.first?.facilitators.map(\.person) == ["t"])
    }

    @Test func someoneWhoLearnsInThisPlanDoesNotTeachInIt() {
        // t is free only in the morning; m1…m3 only in the afternoon. Letting someone who learns in
        // the morning teach them in the afternoon would double the learnings, but `session add`
        // takes a registration as a prerequisite met, never as a facilitator's experience.
        let instance = Tiny.instance(windows: [(8, 10), (14, 16)],
                                     people: [Tiny.person("t", free: [(7, 12)], taught: ["a"])] + Tiny.learners("l", 3)
                                         + Tiny.learners("m", 3, free: [(13, 19)]),
                                     workshops: [Tiny.workshop("a")])
        let (plan, violations) = Tiny.plan(instance)
        #expect(violations.isEmpty, "\(violations)")
        #expect(plan.objective.learnings == 3)
        #expect(plan.sessions.map(\.start) == [Tiny.at(8)])
        #expect(plan.sessions.first?.facilitators.map(\.person) == ["t"])
    }

    @Test func aFirstTimeFacilitatorIsPairedWithAnExperiencedOne() {
        // f attended the workshop and never taught it: teaching beside t counts as a first time.
        let instance = Tiny.instance(windows: [(8, 10)],
                                     people: [Tiny.person("t", taught: ["a"]), Tiny.person("f", attended: ["a"])] + Tiny.learners("l", 3),
                                     workshops: [Tiny.workshop("a")])
        let (plan, violations) = Tiny.plan(instance)
        #expect(violations.isEmpty, "\(violations)")
        #expect(plan.objective == .init(learnings: 3, learners: 3, firstTimeFacilitators: 1))
        #expect(Set(plan.sessions.first?.facilitators.map(\.person) ?? []) == ["t", "f"])
    }

    @Test func twoFirstTimeFacilitatorsNeverShareASession() {
        let instance = Tiny.instance(windows: [(8, 10)],
                                     people: [Tiny.person("f", attended: ["a"]), Tiny.person("g", attended: ["a"])] + Tiny.learners("l", 3),
                                     workshops: [Tiny.workshop("a")])
        let (plan, violations) = Tiny.plan(instance)
        #expect(violations.isEmpty, "\(violations)")
        #expect(plan.sessions.map(\.facilitators.count) == [1])
        #expect(plan.objective.firstTimeFacilitators == 1)
    }
}
