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
    let weights: (learning: Double, learner: Double, firstTime: Double)

    struct PairKey: Hashable {
        let person: Int
        let workshop: Int
    }

    init(_ p: PlanningProblem, tight: Bool = true) {
        let slot = Int64(p.instance.slotMinutes) * 60
        var candidates: [(w: Int, interval: Interval)] = []
        for (w, workshop) in p.workshops.enumerated() {
            let length = Int64(workshop.minutes) * 60
            for window in p.windows {
                var t = window.start
                while t + length <= window.end {
                    candidates.append((w, Interval(start: t, end: t + length)))
                    t += slot
                }
            }
        }
        candidates.sort { ($0.interval.start, $0.w) < ($1.interval.start, $1.w) }

        // Learning columns created so far, per person and workshop: (end, column).
        var learned = [[Int: [(end: Int64, column: Int)]]](repeating: [:], count: p.people.count)
        var prerequisiteRows: [(column: Int, support: [Int])] = []
        var groups: [Group] = []
        for candidate in candidates {
            let w = candidate.w
            let workshop = p.workshops[w]
            let interval = candidate.interval
            let places = p.instance.places.indices.filter { p.placeIsFree($0, interval) }
            guard !places.isEmpty else { continue }
            var teachers: [(person: Int, support: [Int]?, firstTime: Bool)] = []
            var learners: [(person: Int, support: [[Int]])] = []
            for i in p.people.indices where p.isFree(i, interval) {
                if let known = p.known[i][workshop.ref] {
                    if known.from <= interval.start {
                        teachers.append((i, nil, known.how.kind != .taught && known.how.kind != .fixed))
                    }
                    continue
                }
                let earlier = learned[i][w]?.filter { $0.end <= interval.start }.map(\.column) ?? []
                if !earlier.isEmpty { teachers.append((i, earlier, true)) }
                guard p.learnable[i][w] else { continue }
                var supports: [[Int]] = []
                var ok = true
                for q in workshop.prerequisites {
                    if let known = p.known[i][q] {
                        if known.from > interval.start { ok = false; break }
                        continue
                    }
                    guard let qi = p.workshopIndex[q] else { ok = false; break }
                    let support = learned[i][qi]?.filter { $0.end <= interval.start }.map(\.column) ?? []
                    if support.isEmpty { ok = false; break }
                    supports.append(support)
                }
                if ok { learners.append((i, supports)) }
            }
            guard !teachers.isEmpty, learners.count >= workshop.minParticipants else { continue }
            var group = Group(workshop: w, interval: interval)
            for place in places { group.sessions.append((place, problem.addBinary())) }
            for learner in learners {
                let column = problem.addBinary()
                group.learners.append((learner.person, column))
                learned[learner.person][w, default: []].append((interval.end, column))
                for support in learner.support { prerequisiteRows.append((column, support)) }
            }
            for teacher in teachers {
                let column = problem.addBinary()
                group.facilitators.append((teacher.person, column, teacher.firstTime))
                if let support = teacher.support { prerequisiteRows.append((column, support)) }
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
        let firstTimeWeight = 1.0
        let learnerWeight = Double(firstTimeTerms.count + 1)
        let learningWeight = learnerWeight * Double(learnerTerms.count + 1)
        weights = (learningWeight, learnerWeight, firstTimeWeight)
        for group in groups { for a in group.learners { problem.objective[a.column] = learningWeight } }
        for (person, terms) in learnerTerms.sorted(by: { $0.key < $1.key }) {
            let g = problem.addBinary(objective: learnerWeight)
            learnerColumns[person] = g
            problem.addRow([(g, 1)] + terms.map { ($0, -1) }, upper: 0)
        }
        for (key, terms) in firstTimeTerms.sorted(by: { ($0.key.person, $0.key.workshop) < ($1.key.person, $1.key.workshop) }) {
            let column = problem.addBinary(objective: firstTimeWeight)
            firstTimeColumns[key] = column
            problem.addRow([(column, 1)] + terms.map { ($0, -1) }, upper: 0)
        }

        // Group sizes.
        let maxFacilitators = Double(p.instance.maxFacilitators)
        for group in groups {
            let workshop = p.workshops[group.workshop]
            let n = group.sessions.map { ($0.column, 1.0) }
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
        // Prerequisites (and facilitators who learn first) met by an earlier session of the plan.
        for row in prerequisiteRows { problem.addRow([(row.column, 1)] + row.support.map { ($0, -1) }, upper: 0) }
        // One session per place at a time, one session per person at a time.
        var placeItems = [[(Interval, Int)]](repeating: [], count: p.instance.places.count)
        var personItems = [[(Interval, Int)]](repeating: [], count: p.people.count)
        for group in groups {
            for s in group.sessions { placeItems[s.place].append((group.interval, s.column)) }
            for a in group.learners { personItems[a.person].append((group.interval, a.column)) }
            for f in group.facilitators { personItems[f.person].append((group.interval, f.column)) }
        }
        for items in placeItems + personItems { Self.addOverlapRows(items, to: &problem) }
        self.groups = groups
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
