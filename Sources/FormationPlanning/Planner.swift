public import FormationDomain

/// Proposes sessions for a battle's free learning time. A use case that proposes
/// (DESIGN.md §8): it reads a `PlanningInstance`, solves an integer program over the same rules as
/// `session add`, and returns a `Plan`; it writes nothing.
public enum Planner {
    /// Options that benchmarks and tests may change; the defaults are what `battle plan` uses.
    public struct Options: Sendable {
        /// Threads CBC may use.
        public var threads: Int = 1
        /// Seed the solver with the greedy plan.
        public var greedyStart = true
        /// Hand the greedy plan to CBC as its first solution for the first figure. Off by default:
        /// CBC 2.10 then runs a "reduced search" around it that does not read the clock (about 4 s
        /// on the normal benchmark battle, finding nothing better), and the search is cut before it
        /// gives a bound. The greedy plan stays the fallback either way, and later figures are
        /// always seeded with the plan of the earlier ones (CBC rarely finds one under their rows).
        public var seedSolver = false
        /// Add the per-person "no session, nobody in it" rows; `nil` (the default): only on small
        /// models, where they help CBC's heuristics and cost little (`PlanningModel.tightRowsUpTo`).
        public var tightRows: Bool? = nil
        /// Facilitators offered per candidate session: this many who have taught the workshop and
        /// this many first-timers (0: everyone who could).
        public var facilitatorShortlist = 2
        /// Print the solver's log on stderr.
        public var log = false
        /// Extra CBC parameters (name, value), as its command line takes them.
        public var cbcParameters: [(String, String)] = []
        public init() {}
    }

    /// Proposes the sessions that teach the most, within `timeLimit` seconds.
    ///
    /// - Parameters:
    ///   - instance: the battle as the planner sees it; nothing else is read.
    ///   - timeLimit: seconds the solver may search (default 10). When it runs out, the best plan
    ///     found so far is returned with its gap.
    /// - Returns: the plan. An empty plan is not an error: its `issues` say why, in words the
    ///   catalogue renders (nobody can teach the only wanted workshop, no window…).
    public static func solve(_ instance: PlanningInstance, timeLimit: Double = 10, options: Options = Options()) -> Plan {
        let clock = ContinuousClock.now
        let empty = { (issues: [PlanningIssue]) in
            Plan(sessions: [], objective: .init(learnings: 0, learners: 0, firstTimeFacilitators: 0), provenOptimal: true,
                 gap: 0, learningsBound: 0, issues: issues, seconds: clock.duration(to: .now).seconds)
        }
        if instance.windows.isEmpty { return empty([.noWindows]) }
        if instance.places.isEmpty { return empty([.noPlaces]) }
        if instance.workshops.isEmpty { return empty([.noWorkshops]) }
        if instance.people.isEmpty { return empty([.noPeople]) }
        let problem: PlanningProblem
        switch PlanningProblem.read(instance) {
        case .failure(let issue): return empty([issue])
        case .success(let read): problem = read
        }
        let model = PlanningModel(problem, tight: options.tightRows, facilitatorShortlist: options.facilitatorShortlist)
        if model.groups.isEmpty { return empty(diagnose(problem, planned: [])) }

        let start = options.greedyStart ? model.bestGreedyStart(problem) : nil
        if options.log {
            let learners = model.groups.reduce(0) { $0 + $1.learners.count }
            let teachers = model.groups.reduce(0) { $0 + $1.facilitators.count }
            let elements = model.problem.rows.reduce(0) { $0 + $1.indices.count }
            print("planner: model and greedy start built in \(clock.duration(to: .now).seconds) s")
            print("planner: \(model.groups.count) groups, \(learners) learner and \(teachers) facilitator columns,",
                  "\(model.problem.columnCount) columns, \(model.problem.rows.count) rows, \(elements) elements")
        }
        // A little time is kept for decoding the plan; the watchdog returns by the deadline.
        let deadline = clock + .seconds(max(0.1, timeLimit - 0.1))
        let result = solveTiers(model, start: start, deadline: deadline, options: options)
        // The solver's plan, else the greedy start it was given (then nothing is proven).
        guard let values = result.values else {
            return Plan(sessions: [], objective: .init(learnings: 0, learners: 0, firstTimeFacilitators: 0),
                        provenOptimal: false, gap: nil, learningsBound: nil,
                        issues: [.solverFailed(status: result.status)], seconds: clock.duration(to: .now).seconds)
        }
        let sessions = decode(model, problem, values)
        let objective = measure(sessions, instance)
        let learningsBound = result.firstBound.map { max(objective.learnings, Int(($0 + 1e-6).rounded(.down))) }
        let issues = diagnose(problem, planned: Set(sessions.map(\.workshop)))
        return Plan(sessions: sessions, objective: objective, provenOptimal: result.provenOptimal, gap: result.gap,
                    learningsBound: learningsBound, issues: issues,
                    seconds: clock.duration(to: .now).seconds)
    }

    /// The objective's figures, counted from the sessions themselves.
    static func measure(_ sessions: [ProposedSession], _ instance: PlanningInstance) -> Plan.Objective {
        var learnings = Set<String>()
        var learners = Set<String>()
        var firsts = Set<String>()
        for session in sessions {
            for participant in session.participants {
                learnings.insert("\(participant.person)\u{0}\(session.workshop)")
                learners.insert(participant.person)
            }
            for facilitator in session.facilitators where facilitator.firstTime {
                firsts.insert("\(facilitator.person)\u{0}\(session.workshop)")
            }
        }
        return Plan.Objective(learnings: learnings.count, learners: learners.count, firstTimeFacilitators: firsts.count)
    }

    /// Turns the solver's columns into sessions: each group's people split over its places
    /// (facilitators experienced first, so no session gets two first-timers; participants dealt in
    /// turn, so each session holds between the minimum and the maximum).
    static func decode(_ model: PlanningModel, _ p: PlanningProblem, _ values: [Double]) -> [ProposedSession] {
        struct Draft {
            var workshop: Int
            var place: Int
            var interval: Interval
            var facilitators: [(person: Int, firstTime: Bool)]
            var participants: [Int]
        }
        var drafts: [Draft] = []
        for group in model.groups {
            let places = group.sessions.filter { values[$0.column] > 0.5 }.map(\.place)
            guard !places.isEmpty else { continue }
            let teachers = group.facilitators.filter { values[$0.column] > 0.5 }
                .sorted { ($0.firstTime ? 1 : 0, $0.person) < ($1.firstTime ? 1 : 0, $1.person) }
            let learners = group.learners.filter { values[$0.column] > 0.5 }.map(\.person).sorted()
            var sessions = places.map { Draft(workshop: group.workshop, place: $0, interval: group.interval, facilitators: [], participants: []) }
            for (k, teacher) in teachers.enumerated() { sessions[k % places.count].facilitators.append((teacher.person, teacher.firstTime)) }
            for (k, learner) in learners.enumerated() { sessions[k % places.count].participants.append(learner) }
            drafts += sessions
        }
        drafts.sort { ($0.interval.start, $0.place) < ($1.interval.start, $1.place) }
        // Where each person learns each workshop in the plan: (session index, end).
        var learnedIn: [PlanningModel.PairKey: (Int, Int64)] = [:]
        for (index, draft) in drafts.enumerated() {
            for person in draft.participants {
                learnedIn[PlanningModel.PairKey(person: person, workshop: draft.workshop)] = (index, draft.interval.end)
            }
        }
        func knowledge(_ i: Int, _ ref: WorkshopRef, by instant: Int64) -> Knowledge {
            if let known = p.known[i][ref], known.from <= instant { return known.how }
            if let w = p.workshopIndex[ref], let (index, end) = learnedIn[PlanningModel.PairKey(person: i, workshop: w)], end <= instant {
                return Knowledge(.plan, session: index)
            }
            return Knowledge(.plan) // not reached for a feasible solution; `verify` would say so
        }
        func teaches(_ i: Int, _ ref: WorkshopRef) -> Knowledge {
            p.teachable[i][ref]?.how ?? Knowledge(.plan) // likewise
        }
        return drafts.map { draft in
            let workshop = p.workshops[draft.workshop]
            let start = draft.interval.start
            return ProposedSession(
                workshop: workshop.ref, place: p.instance.places[draft.place], start: start, end: draft.interval.end,
                facilitators: draft.facilitators.map { f in
                    .init(person: p.people[f.person].id, knows: teaches(f.person, workshop.ref), firstTime: f.firstTime)
                },
                participants: draft.participants.map { i in
                    .init(person: p.people[i].id, prerequisites: workshop.prerequisites.map {
                        .init(workshop: $0, knows: knowledge(i, $0, by: start))
                    })
                })
        }
    }

    /// Why each workshop of the instance got no session, in the order of the instance.
    static func diagnose(_ p: PlanningProblem, planned: Set<WorkshopRef>) -> [PlanningIssue] {
        let longest = p.windows.map { Int(($0.end - $0.start) / 60) }.max() ?? 0
        var issues: [PlanningIssue] = []
        for (w, workshop) in p.workshops.enumerated() where !planned.contains(workshop.ref) {
            let strangers = p.people.indices.filter { p.known[$0][workshop.ref] == nil }
            if workshop.minutes > longest {
                issues.append(.workshopTooLong(workshop: workshop.ref, minutes: workshop.minutes, longestWindow: longest))
            } else if !p.people.indices.contains(where: { p.teachable[$0][workshop.ref] != nil }) {
                issues.append(.nobodyCanTeach(workshop: workshop.ref))
            } else if strangers.isEmpty {
                issues.append(.everyoneKnows(workshop: workshop.ref))
            } else {
                let eligible = strangers.filter { p.learnable[$0][w] }
                if eligible.isEmpty {
                    let blocking = workshop.prerequisites.filter { q in
                        strangers.contains { i in p.known[i][q] == nil && !(p.workshopIndex[q].map { p.learnable[i][$0] } ?? false) }
                    }
                    issues.append(.prerequisitesUnmet(workshop: workshop.ref, prerequisites: blocking))
                } else if eligible.count < workshop.minParticipants {
                    issues.append(.tooFewLearners(workshop: workshop.ref, eligible: eligible.count, minimum: workshop.minParticipants))
                } else {
                    issues.append(.noCommonTime(workshop: workshop.ref))
                }
            }
        }
        return issues
    }
}
