/// A person joined to a battle's roster (`battle join`), on some of its days or all of them.
///
/// People with a shift or a session in the battle are on it already, without an entry: the
/// roster lists them too (`RosterLine.Source`). An entry is what `battle join` adds and `battle
/// leave` removes; the planner takes everyone on the roster, on their days.
public struct RosterEntry: Hashable, Sendable {
    public var battle: EntityID
    public var person: EntityID
    /// The first local day they are at the battle; nil: from its first day.
    public var from: CivilDate?
    /// The last local day; nil: to its last day.
    public var to: CivilDate?

    public init(battle: EntityID, person: EntityID, from: CivilDate? = nil, to: CivilDate? = nil) {
        self.battle = battle
        self.person = person
        self.from = from
        self.to = to
    }

    /// The days they are at `battle`: the entry's, within the battle's (empty when they miss it).
    public func days(in battle: Battle) -> ClosedRange<CivilDate>? {
        let first = max(from ?? battle.start, battle.start), last = min(to ?? battle.end, battle.end)
        return first <= last ? first...last : nil
    }
}
