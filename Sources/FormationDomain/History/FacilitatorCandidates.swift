/// Someone who could teach a workshop: they taught it, or attended it.
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

    public init(person: EntityID, name: String, state: String?, taught: Int, attended: Int,
                lastTaught: CivilDate?, lastAttended: CivilDate?) {
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
    /// first (when given), then those who have taught before those who only attended, then more
    /// teaching first, then the most recent, then by name and id.
    public static func ranked(_ candidates: [FacilitatorCandidate], nearState: String?) -> [FacilitatorCandidate] {
        candidates.sorted { a, b in
            let nearA = a.isNear(nearState), nearB = b.isNear(nearState)
            if nearA != nearB { return nearA }
            if (a.taught > 0) != (b.taught > 0) { return a.taught > 0 }
            if a.taught != b.taught { return a.taught > b.taught }
            if a.last != b.last {
                guard let lastA = a.last else { return false }
                guard let lastB = b.last else { return true }
                return lastA > lastB
            }
            if a.attended != b.attended { return a.attended > b.attended }
            return (a.name, a.person) < (b.name, b.person)
        }
    }
}
