/// Someone who could teach a workshop: they taught it, are recognised to know it (prior learning), or attended it.
public struct FacilitatorCandidate: Equatable, Sendable {
    public let person: EntityID
    public let name: String
    /// The state (of the country) of their home plant, when they have one.
    public let state: String?
    /// Sessions of the workshop they taught (as `Scheduling` counts teaching).
    public let taught: Int
    /// Sessions of the workshop they attended as participants.
    public let attended: Int
    /// The local day of the last session they taught, or attended.
    public let lastTaught: CivilDate?
    public let lastAttended: CivilDate?
    /// Prior learning recognised in the workshop (`person qualify`).
    public let qualified: Bool

    public init(person: EntityID, name: String, state: String?, taught: Int, attended: Int,
                lastTaught: CivilDate?, lastAttended: CivilDate?, qualified: Bool = false) {
        self.qualified = qualified
        self.person = person
        self.name = name
        self.state = state
        self.taught = taught
        self.attended = attended
        self.lastTaught = lastTaught
        self.lastAttended = lastAttended
    }

    /// The later of `lastTaught` and `lastAttended`.
    public var last: CivilDate? {
        switch (lastTaught, lastAttended) {
        case let (a?, b?): max(a, b)
        case let (a, b): a ?? b
        }
    }

    /// Whether their home plant is in `state` (compared without regard to case or surrounding spaces).
    public func isNear(_ state: String?) -> Bool {
        guard let state, let own = self.state else { return false }
        return own.trimmed.lowercased() == state.trimmed.lowercased()
    }
}

public enum FacilitatorRanking {
    /// Orders candidates for a facilitator looking for someone to teach: people from `nearState`
    /// first (when given), then those who have taught, then those recognised to know it (prior
    /// learning), before those who only attended, then more
    /// teaching first, then the most recent (the last session taught, for those who taught; the last
    /// attended, for the others), then more attendance, then by name and id.
    ///
    /// Whether each candidate is near is worked out once, not in every comparison (`--all` ranks
    /// ~100,000 people for a national workshop).
    public static func ranked(_ candidates: [FacilitatorCandidate], nearState: String?) -> [FacilitatorCandidate] {
        let state = nearState.map { $0.trimmed.lowercased() }
        let keyed = candidates.map { candidate in
            (near: state != nil && candidate.state.map { $0.trimmed.lowercased() } == state, candidate: candidate)
        }
        return keyed.sorted { x, y in
            if x.near != y.near { return x.near }
            return precedes(x.candidate, y.candidate)
        }.map(\.candidate)
    }

    /// The order of `ranked` without the state: taught, then recognised, before attended only, more
    /// teaching, more recent, more attendance, name, id.
    public static func precedes(_ a: FacilitatorCandidate, _ b: FacilitatorCandidate) -> Bool {
        if (a.taught > 0) != (b.taught > 0) { return a.taught > 0 }
        if a.qualified != b.qualified { return a.qualified }
        if a.taught != b.taught { return a.taught > b.taught }
        let recentA = a.taught > 0 ? a.lastTaught : a.lastAttended, recentB = b.taught > 0 ? b.lastTaught : b.lastAttended
        if recentA != recentB {
            guard let lastA = recentA else { return false }
            guard let lastB = recentB else { return true }
            return lastA > lastB
        }
        if a.attended != b.attended { return a.attended > b.attended }
        if a.name != b.name { return a.name < b.name }
        return a.person < b.person
    }
}
