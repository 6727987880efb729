import FormationDomain

/// The integer program over candidate sessions: which workshop starts when in which place, who
/// teaches and who learns there. Built from a `PlanningProblem`, in start order, so that a variable
/// exists only if its prerequisites could be met by an earlier variable.
///
/// Columns (all 0/1):
/// - `y[w,p,t]`: a session of workshop `w` in place `p` from `t`;
/// - `a[i,w,t]`: person `i` learns `w` in a session of it from `t` (whichever place);
/// - `f[i,w,t]`: person `i` facilitates a session of `w` from `t`;
/// - `g[i]`: person `i` learns something; `first[i,w]`: `i` teaches `w`, never having taught it.
///
/// People are assigned to (workshop, start) groups, not places: sessions of one group are
/// interchangeable, and the plan splits a group's people over its places afterwards. With `n`
/// sessions in a group, `min·n ≤ Σa ≤ max·n`, `n ≤ Σf ≤ maxFacilitators·n`, and at most `n`
/// first-time facilitators (never two in one session, so a pair is always a first-time facilitator
/// with an experienced one).
struct PlanningModel {
    struct Group {
        let workshop: Int
        let interval: Interval
        /// (place index, column of y)
        var sessions: [(place: Int, column: Int)] = []
        /// (person index, column of a)
        var learners: [(person: Int, column: Int)] = []
        /// (person index, column of f, first time)
        var facilitators: [(person: Int, column: Int, firstTime: Bool)] = []
    }

    var problem = MIPProblem()
    var groups: [Group] = []
    /// Column of g[i] per person who has at least one learning variable.
    var learnerColumns: [Int: Int] = [:]
    /// Column of first[i,w].
    var firstTimeColumns: [PairKey: Int] = [:]
    /// The objective, one tier per figure, most important first; each tier is a list of (column,
    /// weight). The planner solves them one after another, each with the earlier ones held at what
    /// they reached: one objective of weights spanning 1 to 10⁸ made CBC's root LP slow and badly
    /// scaled. The last tier also weighs, below first-time facilitators, each experienced
    /// facilitator in a session (so a first-time facilitator is paired with one where two fit).
    var tiers: [[(column: Int, weight: Double)]] = []
    /// Columns that are each the "or" of others (`g[i]`, `first[i,w]`): a solver that was not
    /// asked to maximise them may leave them at 0, so a plan is `completed` before the next tier.
    var derived: [(column: Int, of: [Int])] = []

    struct PairKey: Hashable {
        let person: Int
        let workshop: Int
    }

    /// Models with at most this many learner columns get the tightening rows by default: on the
    /// small benchmark battle they let CBC's feasibility pump find a plan far better than the greedy
    /// one; on the normal battle they made the root LP five times slower for a 0.1% better bound.
    static let tightRowsUpTo = 3_000

    /// - Parameter tight: add the "nobody in a group that holds no session" rows; `nil`: only on
    ///   models of at most `tightRowsUpTo` learner columns.
    init(_ p: PlanningProblem, tight: Bool? = nil, facilitatorShortlist: Int = 2) {
        // How many workshops each person could learn at all: a facilitator who could learn little
        // loses least by teaching.
        let learningChances = p.learnable.map { $0.filter { $0 }.count }
        var candidates: [(w: Int, interval: Interval)] = []
        for window in p.windows {
            for t in Self.starts(in: window, p) {
                for (w, workshop) in p.workshops.enumerated() where t + Int64(workshop.minutes) * 60 <= window.end {
                    candidates.append((w, Interval(start: t, end: t + Int64(workshop.minutes) * 60)))
                }
            }
        }
        candidates.sort { ($0.interval.start, $0.w) < ($1.interval.start, $1.w) }

        // Learning columns created so far, per person and workshop: (end, column).
        var learned = [[Int: [(end: Int64, column: Int)]]](repeating: [:], count: p.people.count)
        var prerequisiteRows: [(column: Int, key: PairKey, by: Int64)] = []
        var groups: [Group] = []
        for candidate in candidates {
            let w = candidate.w
            let workshop = p.workshops[w]
            let interval = candidate.interval
            let places = p.instance.places.indices.filter { p.placeIsFree($0, interval) }
            guard !places.isEmpty else { continue }
            var teachers: [(person: Int, firstTime: Bool)] = []
            var learners: [(person: Int, learnsFirst: [Int])] = []
            for i in p.people.indices where p.isFree(i, interval) {
                if let known = p.teachable[i][workshop.ref], known.from <= interval.start {
                    teachers.append((i, !p.hasTaught[i].contains(workshop.ref)))
                }
                guard p.known[i][workshop.ref] == nil, p.learnable[i][w] else { continue }
                var supports: [Int] = []
                var ok = true
                for q in workshop.prerequisites {
                    if let known = p.known[i][q] {
                        if known.from > interval.start { ok = false; break }
                        continue
                    }
                    guard let qi = p.workshopIndex[q] else { ok = false; break }
                    guard learned[i][qi]?.contains(where: { $0.end <= interval.start }) ?? false else { ok = false; break }
                    supports.append(qi)
                }
                if ok { learners.append((i, supports)) }
            }
            guard !teachers.isEmpty, learners.count >= workshop.minParticipants else { continue }
            teachers = Self.shortlist(teachers, limit: facilitatorShortlist, learningChances: learningChances)
            var group = Group(workshop: w, interval: interval)
            for place in places { group.sessions.append((place, problem.addBinary())) }
            for learner in learners {
                let column = problem.addBinary()
                group.learners.append((learner.person, column))
                learned[learner.person][w, default: []].append((interval.end, column))
                for q in learner.learnsFirst {
                    prerequisiteRows.append((column, PairKey(person: learner.person, workshop: q), interval.start))
                }
            }
            for teacher in teachers {
                group.facilitators.append((teacher.person, problem.addBinary(), teacher.firstTime))
            }
            groups.append(group)
        }

        // Objective columns and weights: learnings first, then learners, then first-time facilitators.
        var firstTimeTerms: [PairKey: [Int]] = [:]
        for group in groups {
            for f in group.facilitators where f.firstTime {
                firstTimeTerms[PairKey(person: f.person, workshop: group.workshop), default: []].append(f.column)
            }
        }
        var learnerTerms: [Int: [Int]] = [:]
        for group in groups { for a in group.learners { learnerTerms[a.person, default: []].append(a.column) } }
        let experiencedColumns = groups.flatMap { $0.facilitators.filter { !$0.firstTime }.map(\.column) }
        let firstTimeWeight = Double(experiencedColumns.count + 1)
        var learnerTier: [(column: Int, weight: Double)] = []
        for (person, terms) in learnerTerms.sorted(by: { $0.key < $1.key }) {
            let g = problem.addBinary()
            learnerColumns[person] = g
            learnerTier.append((g, 1))
            derived.append((g, terms))
            problem.addRow([(g, 1)] + terms.map { ($0, -1) }, upper: 0)
        }
        var facilitatorTier = experiencedColumns.map { (column: $0, weight: 1.0) }
        for (key, terms) in firstTimeTerms.sorted(by: { ($0.key.person, $0.key.workshop) < ($1.key.person, $1.key.workshop) }) {
            let column = problem.addBinary()
            firstTimeColumns[key] = column
            facilitatorTier.append((column, firstTimeWeight))
            derived.append((column, terms))
            problem.addRow([(column, 1)] + terms.map { ($0, -1) }, upper: 0)
        }
        tiers = [groups.flatMap { $0.learners.map { (column: $0.column, weight: 1.0) } }, learnerTier, facilitatorTier]

        // Group sizes.
        let tight = tight ?? (groups.reduce(0) { $0 + $1.learners.count } <= Self.tightRowsUpTo)
        let maxFacilitators = Double(p.instance.maxFacilitators)
        for group in groups {
            let workshop = p.workshops[group.workshop]
            let minus = { (k: Double) in group.sessions.map { ($0.column, -k) } }
            let learners = group.learners.map { ($0.column, 1.0) }
            let teachers = group.facilitators.map { ($0.column, 1.0) }
            problem.addRow(learners + minus(Double(workshop.maxParticipants)), upper: 0)
            problem.addRow(learners + minus(Double(workshop.minParticipants)), lower: 0)
            problem.addRow(teachers + minus(1), lower: 0)
            problem.addRow(teachers + minus(maxFacilitators), upper: 0)
            let firsts = group.facilitators.filter(\.firstTime).map { ($0.column, 1.0) }
            if !firsts.isEmpty, maxFacilitators > 1 { problem.addRow(firsts + minus(1), upper: 0) }
            if tight {
                // Nobody is in a group that holds no session (tightens the relaxation).
                for column in group.learners.map(\.column) + group.facilitators.map(\.column) {
                    problem.addRow([(column, 1)] + minus(1), upper: 0)
                }
            }
        }
        // Learn each workshop once.
        var perPair: [PairKey: [Int]] = [:]
        for group in groups {
            for a in group.learners { perPair[PairKey(person: a.person, workshop: group.workshop), default: []].append(a.column) }
        }
        for (_, columns) in perPair where columns.count > 1 { problem.addRow(columns.map { ($0, 1) }, upper: 1) }
        // Prerequisites met by an earlier session of the plan,
        // through a running total per person and workshop: `learnedBy[k]` = learnings of it that
        // end by its k-th end time. Each prerequisite row then has two terms, not one per session.
        var chains: [PairKey: (ends: [Int64], columns: [Int])] = [:]
        for row in prerequisiteRows {
            let key = row.key
            if chains[key] == nil {
                let sessions = (learned[key.person][key.workshop] ?? []).sorted { $0.end < $1.end }
                var ends: [Int64] = []
                var columns: [Int] = []
                var k = 0
                while k < sessions.count {
                    let end = sessions[k].end
                    var terms: [(Int, Double)] = []
                    while k < sessions.count, sessions[k].end == end { terms.append((sessions[k].column, -1)); k += 1 }
                    let total = problem.addContinuous()
                    terms.append((total, 1))
                    if let previous = columns.last { terms.append((previous, -1)) }
                    problem.addRow(terms, lower: 0, upper: 0)
                    ends.append(end)
                    columns.append(total)
                }
                chains[key] = (ends, columns)
            }
            let chain = chains[key]!
            guard let k = chain.ends.lastIndex(where: { $0 <= row.by }) else { continue }
            problem.addRow([(row.column, 1), (chain.columns[k], -1)], upper: 0)
        }
        // One session per place at a time, one session per person at a time.
        var placeItems = [[(Interval, Int)]](repeating: [], count: p.instance.places.count)
        var personItems = [[(Interval, Int)]](repeating: [], count: p.people.count)
        for group in groups {
            for s in group.sessions { placeItems[s.place].append((group.interval, s.column)) }
            for a in group.learners { personItems[a.person].append((group.interval, a.column)) }
            for f in group.facilitators { personItems[f.person].append((group.interval, f.column)) }
        }
        for items in placeItems { Self.addOverlapRows(items, to: &problem) }
        for items in personItems { Self.addOverlapRows(items, to: &problem) }
        self.groups = groups
    }

    /// `values` with every derived column set to what its terms say.
    func completed(_ values: [Double]) -> [Double] {
        var values = values
        for item in derived { values[item.column] = item.of.contains { values[$0] > 0.5 } ? 1 : 0 }
        return values
    }

    /// At most `limit` facilitators who have taught the workshop and `limit` who would teach it for
    /// the first time, those with the fewest chances to learn something else first: every session
    /// needs one, and the others are better off learning.
    static func shortlist(_ teachers: [(person: Int, firstTime: Bool)], limit: Int,
                          learningChances: [Int]) -> [(person: Int, firstTime: Bool)] {
        guard limit > 0 else { return teachers }
        let ranked = teachers.sorted { (learningChances[$0.person], $0.person) < (learningChances[$1.person], $1.person) }
        return Array(ranked.filter { !$0.firstTime }.prefix(limit)) + Array(ranked.filter(\.firstTime).prefix(limit))
    }

    /// The start times tried in `window`: its start, each moment someone becomes free inside it
    /// (after a shift or a fixed session), and, in turn, the end of any session starting at one of
    /// these; each rounded up to the window's grid of `slotMinutes`. Any plan can be slid earlier,
    /// session by session, until each session starts at one of these moments (it stops at the
    /// window's start, when one of its people becomes free, or at the end of a session it follows),
    /// so trying only these loses nothing and spares the solver many equivalent plans.
    static func starts(in window: Interval, _ p: PlanningProblem) -> [Int64] {
        let slot = Int64(p.instance.slotMinutes) * 60
        let lengths = Set(p.workshops.map { Int64($0.minutes) * 60 }).sorted()
        guard let shortest = lengths.first else { return [] }
        func onGrid(_ instant: Int64) -> Int64 {
            window.start + (instant - window.start + slot - 1) / slot * slot
        }
        var seeds: Set<Int64> = [window.start]
        for intervals in p.free {
            for free in intervals where free.start > window.start && free.start < window.end { seeds.insert(onGrid(free.start)) }
        }
        var found: Set<Int64> = []
        var queue = Array(seeds)
        while let t = queue.popLast() {
            guard t + shortest <= window.end, found.insert(t).inserted else { continue }
            for length in lengths where t + length + shortest <= window.end { queue.append(onGrid(t + length)) }
        }
        return found.sorted()
    }

    /// For each start among `items`, at most one of the items running then. Items sit on one grid
    /// per window, so two overlap exactly when the later one's start falls inside the other.
    private static func addOverlapRows(_ items: [(Interval, Int)], to problem: inout MIPProblem) {
        let sorted = items.sorted { $0.0.start < $1.0.start }
        var starts: [Int64] = []
        for item in sorted where starts.last != item.0.start { starts.append(item.0.start) }
        var previous: Set<Int> = []
        var lo = 0
        for instant in starts {
            var covering: [Int] = []
            while lo < sorted.count, sorted[lo].0.end <= instant { lo += 1 }
            for k in lo..<sorted.count {
                let (interval, column) = sorted[k]
                if interval.start > instant { break }
                if interval.end > instant { covering.append(column) }
            }
            let set = Set(covering)
            // A clique contained in the previous one adds nothing.
            if covering.count > 1, !set.isSubset(of: previous) { problem.addRow(covering.map { ($0, 1) }, upper: 1) }
            previous = set
        }
    }
}

