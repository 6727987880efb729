import FormationDomain

/// A quick feasible plan in the model's columns, to seed the solver (never to replace it): walk the
/// groups in start order and open a session wherever a place, a facilitator and enough learners
/// are free, taking the workshop with the most learners first.
extension PlanningModel {
    /// The best of a few greedy plans, each breaking ties between groups that start together in
    /// another order (most learners first, then seeded shuffles): cheap, and every learning the
    /// fallback gains is one the solver need not find.
    func bestGreedyStart(_ p: PlanningProblem, tries: Int = 8) -> [Double] {
        var generator = SplitMix64(seed: 0x5EED)
        var best: (values: [Double], score: (Double, Double))?
        for k in 0..<tries {
            let rank = groups.indices.map { _ in generator.next() }
            let values = greedyStart(p) { a, b in
                k == 0 ? groups[a].learners.count > groups[b].learners.count : rank[a] < rank[b]
            }
            let score = (tiers[0].reduce(0) { $0 + values[$1.column] }, tiers[1].reduce(0) { $0 + values[$1.column] })
            if best.map({ score > $0.score }) ?? true { best = (values, score) }
        }
        return best?.values ?? []
    }

    /// A greedy plan; `before` orders groups that start at the same moment.
    func greedyStart(_ p: PlanningProblem, before: (Int, Int) -> Bool) -> [Double] {
        var values = [Double](repeating: 0, count: problem.columnCount)
        var personBusy = [[Interval]](repeating: [], count: p.people.count)
        var placeBusy = [[Interval]](repeating: [], count: p.instance.places.count)
        // (person, workshop) → end of the greedy session where they learn it.
        var learnedAt: [PairKey: Int64] = [:]
        func free(_ i: Int, _ interval: Interval) -> Bool { !personBusy[i].contains { $0.overlaps(interval) } }
        func knows(_ i: Int, _ ref: WorkshopRef, by instant: Int64) -> Bool {
            if let known = p.known[i][ref], known.from <= instant { return true }
            if let w = p.workshopIndex[ref], let end = learnedAt[PairKey(person: i, workshop: w)] { return end <= instant }
            return false
        }
        var order = groups.indices.map { $0 }
        order.sort { a, b in
            let ga = groups[a], gb = groups[b]
            if ga.interval.start != gb.interval.start { return ga.interval.start < gb.interval.start }
            return before(a, b)
        }
        for g in order {
            let group = groups[g]
            let workshop = p.workshops[group.workshop]
            for session in group.sessions where !placeBusy[session.place].contains(where: { $0.overlaps(group.interval) }) {
                let teachers = group.facilitators.filter { f in
                    free(f.person, group.interval) && knows(f.person, workshop.ref, by: group.interval.start)
                }.sorted { !$0.firstTime && $1.firstTime }
                guard let lead = teachers.first else { break }
                let learners = group.learners.filter { a in
                    free(a.person, group.interval)
                        && learnedAt[PairKey(person: a.person, workshop: group.workshop)] == nil
                        && workshop.prerequisites.allSatisfy { knows(a.person, $0, by: group.interval.start) }
                }.prefix(workshop.maxParticipants)
                guard learners.count >= workshop.minParticipants else { break }
                values[session.column] = 1
                placeBusy[session.place].append(group.interval)
                var chosen = [lead]
                if !lead.firstTime, p.instance.maxFacilitators > 1,
                   let second = teachers.dropFirst().first(where: { $0.firstTime }) {
                    chosen.append(second)
                }
                for f in chosen {
                    values[f.column] = 1
                    personBusy[f.person].append(group.interval)
                    if f.firstTime, let column = firstTimeColumns[PairKey(person: f.person, workshop: group.workshop)] {
                        values[column] = 1
                    }
                }
                for a in learners {
                    values[a.column] = 1
                    personBusy[a.person].append(group.interval)
                    learnedAt[PairKey(person: a.person, workshop: group.workshop)] = group.interval.end
                    if let column = learnerColumns[a.person] { values[column] = 1 }
                }
            }
        }
        return values
    }
}

