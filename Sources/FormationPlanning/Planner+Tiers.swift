/// The objective solved tier by tier: each figure alone with its own small weights, then held at
/// what it reached (a row `tier ≥ value`) while the next one is solved, all within one deadline.
extension Planner {
    /// What the tiers reached.
    struct TieredResult {
        /// The best columns found: the last tier's, else an earlier one's, else the start given.
        var values: [Double]?
        /// Every tier was solved and proven optimal.
        var provenOptimal: Bool
        /// The relative gap of the first tier not proven optimal (0 when all were); `nil` when that
        /// tier's search was cut before it gave a bound.
        var gap: Double?
        /// The first tier's bound (learnings), when its search gave one.
        var firstBound: Double?
        /// CBC's status of the last search that ran, for `solverFailed`.
        var status: String
    }

    /// Solves `model`'s tiers in turn from `start`, returning by `deadline` whatever happens.
    ///
    /// Each tier gets a share of the time left (the first most, since it matters most and its root
    /// LP is the largest); time a tier does not use passes to the next. A tier whose search is cut
    /// by the deadline (the watchdog) ends the sequence: the best columns so far are returned.
    static func solveTiers(_ model: PlanningModel, start: [Double]?, deadline: ContinuousClock.Instant,
                           options: Options) -> TieredResult {
        let shares = [0.6, 0.5, 1.0]
        var problem = model.problem
        var best = start.map(model.completed)
        var result = TieredResult(values: start, provenOptimal: true, gap: 0, firstBound: nil, status: "not run")
        var undecided = true // no tier short of optimal yet: the gap is still to be set
        for (k, tier) in model.tiers.enumerated() {
            let left = ContinuousClock.now.duration(to: deadline).seconds
            guard left > 0.05, !tier.isEmpty else {
                if !tier.isEmpty, undecided { result.gap = nil; undecided = false }
                if !tier.isEmpty { result.provenOptimal = false }
                continue
            }
            problem.objective = [Double](repeating: 0, count: problem.columnCount)
            for term in tier { problem.objective[term.column] = term.weight }
            let limit = max(0.05, left * shares[min(k, shares.count - 1)])
            let seed = k > 0 || options.seedSolver ? best : nil
            let outcome = solveWithCbc(problem, start: seed, timeLimit: limit, deadline: deadline, threads: options.threads,
                                       log: options.log, parameters: options.cbcParameters)
            guard let outcome else {
                // Cut by the watchdog: nothing proven about this tier, and no time for the next.
                result.provenOptimal = false
                if undecided { result.gap = nil }
                if options.log { print("planner: tier \(k + 1) cut at the time limit") }
                break
            }
            result.status = outcome.status
            func value(_ columns: [Double]?) -> Double {
                guard let columns else { return -.infinity }
                return tier.reduce(0) { $0 + $1.weight * columns[$1.column].rounded() }
            }
            if let found = outcome.values.map(model.completed), value(found) >= value(best) { best = found }
            guard best != nil else { result.provenOptimal = false; if undecided { result.gap = nil }; break }
            let reached = value(best)
            // CBC says 1e50 or infinity when it has no bound (stopped before its LP finished).
            let bound = abs(outcome.bound) < 1e30 ? max(outcome.bound, reached) : nil
            if k == 0 { result.firstBound = bound }
            if options.log {
                print("planner: tier \(k + 1) reached \(reached), bound \(bound.map { "\($0)" } ?? "none"),",
                      "\(ContinuousClock.now.duration(to: deadline).seconds) s left")
            }
            let proven = outcome.provenOptimal || bound.map { $0 - reached < 1 } ?? false
            if !proven {
                result.provenOptimal = false
                if undecided { result.gap = bound.map { $0 > 0 ? ($0 - reached) / $0 : 0 }; undecided = false }
            }
            // Hold this tier at what it reached while the next ones are solved.
            problem.addRow(tier.map { ($0.column, $0.weight) }, lower: reached - 0.5)
        }
        result.values = best
        return result
    }
}
