import FormationDomain

typealias Interval = PlanningInstance.Interval

/// How and from when a person knows a workshop, as the planner reads the instance.
struct Known {
    /// From this instant on (`Int64.min` for what they knew before the battle).
    var from: Int64
    var how: Knowledge
}

/// The instance read into indexed arrays: who knows what from when, who is free when, which place is
/// taken when. Built once per solve and by nothing else.
struct PlanningProblem {
    let instance: PlanningInstance
    let workshops: [PlanningInstance.Workshop]
    let workshopIndex: [WorkshopRef: Int]
    let people: [PlanningInstance.Person]
    /// Per person: what they know and from when (for prerequisites, and to leave them out of its learners).
    let known: [[WorkshopRef: Known]]
    /// Per person: what they may teach and from when. Narrower than `known`, as `session add` judges a
    /// facilitator: taught, attended or qualified before the battle, or facilitating a fixed session
    /// that ends first. Being registered as a participant (a fixed session, or earlier in the plan)
    /// meets a prerequisite, never a facilitator's experience.
    let teachable: [[WorkshopRef: Known]]
    /// Per person: free intervals (availability minus their fixed sessions), sorted and merged.
    let free: [[Interval]]
    /// Per place: intervals taken by fixed sessions.
    let placeTaken: [[Interval]]
    let windows: [Interval]
    /// Per person and workshop index: whether they could learn it in this plan, prerequisites
    /// permitting (each unknown prerequisite learnable in turn).
    let learnable: [[Bool]]
    /// Per person: the workshops they have taught, or teach in a fixed session. Teaching any other
    /// is a first time.
    let hasTaught: [Set<WorkshopRef>]

    /// - Returns: the problem, or the issue that makes the instance unusable.
    static func read(_ instance: PlanningInstance) -> Result<PlanningProblem, PlanningIssue> {
        let bad = { (detail: String) in Result<PlanningProblem, PlanningIssue>.failure(.invalidInstance(detail: detail)) }
        if instance.version != 1 { return bad("version \(instance.version) (this planner reads version 1)") }
        if instance.slotMinutes < 1 { return bad("slotMinutes \(instance.slotMinutes)") }
        if instance.maxFacilitators < 1 { return bad("maxFacilitators \(instance.maxFacilitators)") }
        let windows = instance.windows.sorted()
        for window in windows where window.end <= window.start { return bad("a window ends before it starts (\(window.start)–\(window.end))") }
        for (a, b) in zip(windows, windows.dropFirst()) where a.end > b.start { return bad("windows overlap (\(a.start)–\(a.end), \(b.start)–\(b.end))") }
        if Set(instance.places).count != instance.places.count { return bad("a place is named twice") }
        var workshopIndex: [WorkshopRef: Int] = [:]
        for (w, workshop) in instance.workshops.enumerated() {
            guard workshopIndex.updateValue(w, forKey: workshop.ref) == nil else { return bad("workshop \(workshop.ref) listed twice") }
            if workshop.minutes < 1 { return bad("workshop \(workshop.ref) lasts \(workshop.minutes) minutes") }
            if workshop.minParticipants < 1 || workshop.maxParticipants < workshop.minParticipants {
                return bad("workshop \(workshop.ref) takes \(workshop.minParticipants) to \(workshop.maxParticipants) participants")
            }
        }
        var personIndex: [String: Int] = [:]
        for (i, person) in instance.people.enumerated() {
            guard personIndex.updateValue(i, forKey: person.id) == nil else { return bad("person \(person.id) listed twice") }
            for interval in person.availability where interval.end < interval.start {
                return bad("an availability of \(person.id) ends before it starts")
            }
        }
        var known = instance.people.map { person in
            var map: [WorkshopRef: Known] = [:]
            for ref in person.qualified { map[ref] = Known(from: .min, how: Knowledge(.qualified)) }
            for ref in person.attended { map[ref] = Known(from: .min, how: Knowledge(.attended)) }
            for ref in person.taught { map[ref] = Known(from: .min, how: Knowledge(.taught)) }
            return map
        }
        var teachable = known
        var hasTaught = instance.people.map { Set($0.taught) }
        var busy = [[Interval]](repeating: [], count: instance.people.count)
        let placeIndex = Dictionary(uniqueKeysWithValues: instance.places.enumerated().map { ($1, $0) })
        var placeTaken = [[Interval]](repeating: [], count: instance.places.count)
        for (s, session) in instance.fixedSessions.enumerated() {
            if session.end <= session.start { return bad("fixed session \(s) ends before it starts") }
            if let p = placeIndex[session.place] { placeTaken[p].append(session.interval) }
            for id in session.facilitators + session.participants {
                guard let i = personIndex[id] else { return bad("fixed session \(s) names \(id), who is not among the people") }
                busy[i].append(session.interval)
                if session.facilitators.contains(id) {
                    hasTaught[i].insert(session.workshop)
                    if teachable[i][session.workshop] == nil {
                        teachable[i][session.workshop] = Known(from: session.end, how: Knowledge(.fixed, session: s))
                    }
                }
                if known[i][session.workshop] == nil {
                    known[i][session.workshop] = Known(from: session.end, how: Knowledge(.fixed, session: s))
                }
            }
        }
        let free = instance.people.indices.map { i in
            subtract(merge(instance.people[i].availability), busy[i])
        }
        // Learnable: not known, every prerequisite known (at some time) or learnable in turn.
        let workshops = instance.workshops
        let learnable = known.map { knows -> [Bool] in
            var memo = [Bool?](repeating: nil, count: workshops.count)
            var visiting = Set<Int>()
            func can(_ w: Int) -> Bool {
                if let value = memo[w] { return value }
                if knows[workshops[w].ref] != nil || visiting.contains(w) { return false }
                visiting.insert(w)
                defer { visiting.remove(w) }
                let value = workshops[w].prerequisites.allSatisfy { q in
                    knows[q] != nil || workshopIndex[q].map(can) ?? false
                }
                memo[w] = value
                return value
            }
            return workshops.indices.map(can)
        }
        return .success(PlanningProblem(
            instance: instance, workshops: workshops, workshopIndex: workshopIndex, people: instance.people,
            known: known, teachable: teachable, free: free, placeTaken: placeTaken, windows: windows, learnable: learnable,
            hasTaught: hasTaught))
    }

    /// Whether person `i` is free for the whole of `interval`.
    func isFree(_ i: Int, _ interval: Interval) -> Bool {
        free[i].contains { $0.contains(interval) }
    }

    func placeIsFree(_ p: Int, _ interval: Interval) -> Bool {
        !placeTaken[p].contains { $0.overlaps(interval) }
    }

    /// Sorted, with overlapping or touching intervals joined.
    static func merge(_ intervals: [Interval]) -> [Interval] {
        var result: [Interval] = []
        for interval in intervals.sorted() where interval.end > interval.start {
            if let last = result.last, interval.start <= last.end {
                result[result.count - 1].end = max(last.end, interval.end)
            } else {
                result.append(interval)
            }
        }
        return result
    }

    /// `intervals` (merged) minus every interval of `holes`.
    static func subtract(_ intervals: [Interval], _ holes: [Interval]) -> [Interval] {
        var result = intervals
        for hole in holes {
            result = result.flatMap { piece -> [Interval] in
                guard piece.overlaps(hole) else { return [piece] }
                var parts: [Interval] = []
                if piece.start < hole.start { parts.append(Interval(start: piece.start, end: hole.start)) }
                if hole.end < piece.end { parts.append(Interval(start: hole.end, end: piece.end)) }
                return parts
            }
        }
        return result
    }
}
