public import FormationDomain

/// A hard rule a plan breaks. `session` is an index into `plan.sessions`.
public enum PlanViolation: Sendable, Hashable, CustomStringConvertible {
    case unknownWorkshop(session: Int)
    case unknownPlace(session: Int)
    case unknownPerson(session: Int, person: String)
    case wrongLength(session: Int, minutes: Int)
    case outsideWindows(session: Int)
    case placeDoubleBooked(session: Int, place: String)
    case personDoubleBooked(session: Int, person: String)
    case unavailable(session: Int, person: String)
    case participantCount(session: Int, count: Int)
    case facilitatorCount(session: Int, count: Int)
    case twoFirstTimeFacilitators(session: Int)
    case facilitatorDoesNotKnow(session: Int, person: String)
    case prerequisiteMissing(session: Int, person: String, prerequisite: WorkshopRef)
    case alreadyKnows(session: Int, person: String)
    case wrongReason(session: Int, person: String)
    case objectiveMiscounted

    public var description: String {
        switch self {
        case .unknownWorkshop(let s): "session \(s): workshop not in the instance"
        case .unknownPlace(let s): "session \(s): place not in the instance"
        case .unknownPerson(let s, let person): "session \(s): \(person) is not in the instance"
        case .wrongLength(let s, let minutes): "session \(s): lasts \(minutes) minutes, not the workshop's"
        case .outsideWindows(let s): "session \(s): not inside one learning window"
        case .placeDoubleBooked(let s, let place): "session \(s): \(place) holds another session then"
        case .personDoubleBooked(let s, let person): "session \(s): \(person) is in another session then"
        case .unavailable(let s, let person): "session \(s): \(person) is not available then"
        case .participantCount(let s, let count): "session \(s): \(count) participants, outside the workshop's limits"
        case .facilitatorCount(let s, let count): "session \(s): \(count) facilitators"
        case .twoFirstTimeFacilitators(let s): "session \(s): two first-time facilitators"
        case .facilitatorDoesNotKnow(let s, let person): "session \(s): \(person) teaches a workshop they do not know yet"
        case .prerequisiteMissing(let s, let person, let q): "session \(s): \(person) lacks the prerequisite \(q)"
        case .alreadyKnows(let s, let person): "session \(s): \(person) already knows (or learns elsewhere) this workshop"
        case .wrongReason(let s, let person): "session \(s): the reason given for \(person) is not true"
        case .objectiveMiscounted: "the objective's figures do not match the sessions"
        }
    }
}

extension Planner {
    /// Re-checks every hard rule of `plan` against `instance`, from scratch: it shares no code with
    /// the model, so a modelling mistake shows up here.
    ///
    /// - Returns: every violation found; empty for a sound plan.
    public static func verify(_ plan: Plan, _ instance: PlanningInstance) -> [PlanViolation] {
        var violations: [PlanViolation] = []
        let workshops = Dictionary(instance.workshops.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        let people = Dictionary(instance.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let places = Set(instance.places)
        let sessions = plan.sessions

        // Everything that occupies a place or a person: proposed sessions (index ≥ 0) and fixed ones.
        struct Occupation { let session: Int?; let start: Int64; let end: Int64 }
        var byPlace: [String: [Occupation]] = [:]
        var byPerson: [String: [Occupation]] = [:]
        for fixed in instance.fixedSessions {
            byPlace[fixed.place, default: []].append(Occupation(session: nil, start: fixed.start, end: fixed.end))
            for person in Set(fixed.facilitators + fixed.participants) {
                byPerson[person, default: []].append(Occupation(session: nil, start: fixed.start, end: fixed.end))
            }
        }
        for (s, session) in sessions.enumerated() {
            byPlace[session.place, default: []].append(Occupation(session: s, start: session.start, end: session.end))
            let everyone = session.facilitators.map(\.person) + session.participants.map(\.person)
            for person in everyone {
                byPerson[person, default: []].append(Occupation(session: s, start: session.start, end: session.end))
            }
            if Set(everyone).count < everyone.count {
                for person in Set(everyone) where everyone.filter({ $0 == person }).count > 1 {
                    violations.append(.personDoubleBooked(session: s, person: person))
                }
            }
        }
        func clashes(_ list: [Occupation], _ s: Int) -> Bool {
            let me = sessions[s]
            return list.contains { $0.session != s && $0.start < me.end && me.start < $0.end }
        }

        /// Whether `person` knows `ref` by `instant`, and how (nil if not).
        func knows(_ person: String, _ ref: WorkshopRef, by instant: Int64, teaching: Bool = false) -> Knowledge? {
            if let p = people[person] {
                if p.taught.contains(ref) { return Knowledge(.taught) }
                if p.attended.contains(ref) { return Knowledge(.attended) }
                if p.qualified.contains(ref) { return Knowledge(.qualified) }
            }
            for (k, fixed) in instance.fixedSessions.enumerated()
            where fixed.workshop == ref && fixed.end <= instant && (teaching ? fixed.facilitators : fixed.participants + fixed.facilitators).contains(person) {
                return Knowledge(.fixed, session: k)
            }
            // Being registered in a session meets a prerequisite, never a facilitator's experience.
            if teaching { return nil }
            for (k, session) in sessions.enumerated()
            where session.workshop == ref && session.end <= instant && session.participants.contains(where: { $0.person == person }) {
                return Knowledge(.plan, session: k)
            }
            return nil
        }

        for (s, session) in sessions.enumerated() {
            guard let workshop = workshops[session.workshop] else { violations.append(.unknownWorkshop(session: s)); continue }
            if !places.contains(session.place) { violations.append(.unknownPlace(session: s)) }
            if session.end - session.start != Int64(workshop.minutes) * 60 {
                violations.append(.wrongLength(session: s, minutes: Int((session.end - session.start) / 60)))
            }
            if !instance.windows.contains(where: { $0.start <= session.start && session.end <= $0.end }) {
                violations.append(.outsideWindows(session: s))
            }
            if clashes(byPlace[session.place] ?? [], s) { violations.append(.placeDoubleBooked(session: s, place: session.place)) }
            if !(workshop.minParticipants...workshop.maxParticipants).contains(session.participants.count) {
                violations.append(.participantCount(session: s, count: session.participants.count))
            }
            if !(1...instance.maxFacilitators).contains(session.facilitators.count) {
                violations.append(.facilitatorCount(session: s, count: session.facilitators.count))
            }
            let firstTimers = session.facilitators.filter { f in
                !(people[f.person]?.taught.contains(session.workshop) ?? false)
                    && !instance.fixedSessions.contains { $0.workshop == session.workshop && $0.facilitators.contains(f.person) }
            }
            if firstTimers.count > 1 { violations.append(.twoFirstTimeFacilitators(session: s)) }
            for f in session.facilitators where f.firstTime != firstTimers.contains(f) {
                violations.append(.wrongReason(session: s, person: f.person))
            }
            let everyone = session.facilitators.map(\.person) + session.participants.map(\.person)
            for person in Set(everyone) {
                guard let p = people[person] else { violations.append(.unknownPerson(session: s, person: person)); continue }
                let interval = PlanningInstance.Interval(start: session.start, end: session.end)
                if !PlanningProblem.merge(p.availability).contains(where: { $0.contains(interval) }) {
                    violations.append(.unavailable(session: s, person: person))
                }
                if clashes(byPerson[person] ?? [], s) { violations.append(.personDoubleBooked(session: s, person: person)) }
            }
            for f in session.facilitators {
                let how = knows(f.person, session.workshop, by: session.start, teaching: true)
                if how == nil { violations.append(.facilitatorDoesNotKnow(session: s, person: f.person)) }
                else if how != f.knows { violations.append(.wrongReason(session: s, person: f.person)) }
            }
            for participant in session.participants {
                let person = participant.person
                let before = people[person].map { $0.taught + $0.attended + $0.qualified } ?? []
                let elsewhere = instance.fixedSessions.contains {
                    $0.workshop == session.workshop && ($0.participants + $0.facilitators).contains(person)
                } || sessions.enumerated().contains { k, other in
                    k != s && other.workshop == session.workshop && other.participants.contains { $0.person == person }
                }
                if before.contains(session.workshop) || elsewhere { violations.append(.alreadyKnows(session: s, person: person)) }
                var reasons: [ProposedSession.MetPrerequisite] = []
                for q in workshop.prerequisites {
                    if let how = knows(person, q, by: session.start) {
                        reasons.append(.init(workshop: q, knows: how))
                    } else {
                        violations.append(.prerequisiteMissing(session: s, person: person, prerequisite: q))
                    }
                }
                if reasons.count == workshop.prerequisites.count, reasons != participant.prerequisites {
                    violations.append(.wrongReason(session: s, person: person))
                }
            }
        }
        if measure(sessions, instance) != plan.objective { violations.append(.objectiveMiscounted) }
        return violations
    }
}
