/// What people had learned and taught, and when: the rules ask what a person knew *as of the start
/// of the session they judge*, never as of today.
///
/// A session a person attended or taught counts from its end on. So a facilitator forced into a
/// workshop they never attended stays "inexperienced" for that session however long ago it ended,
/// while a later session of the same workshop finds them experienced.
public struct Experience: Sendable, Equatable {
    /// For each person and workshop (qualified), the end of the first session of it they attended:
    /// a participant marked attended, in a session not cancelled.
    public private(set) var attended: [EntityID: [WorkshopRef: Int64]] = [:]
    /// For each person and workshop (qualified), the end of the first session of it they facilitated:
    /// not marked absent, in a session not cancelled.
    public private(set) var taught: [EntityID: [WorkshopRef: Int64]] = [:]

    public init() {}

    /// Counts `workshop` as attended by `person` from `end` on (the earliest end is kept).
    public mutating func addAttended(_ person: EntityID, _ workshop: WorkshopRef, end: Int64) {
        Self.keepEarliest(&attended, person, workshop, end)
    }

    /// Counts `workshop` as taught by `person` from `end` on (the earliest end is kept).
    public mutating func addTaught(_ person: EntityID, _ workshop: WorkshopRef, end: Int64) {
        Self.keepEarliest(&taught, person, workshop, end)
    }

    /// Whether `person` had attended `workshop` in a session that ended by `instant`.
    public func hadAttended(_ person: EntityID, _ workshop: WorkshopRef, by instant: Int64) -> Bool {
        attended[person]?[workshop].map { $0 <= instant } ?? false
    }

    /// Whether `person` had taught `workshop` in a session that ended by `instant`.
    public func hadTaught(_ person: EntityID, _ workshop: WorkshopRef, by instant: Int64) -> Bool {
        taught[person]?[workshop].map { $0 <= instant } ?? false
    }

    /// Whether `person` had attended or taught `workshop` by `instant`: what a prerequisite asks, and
    /// what a facilitator needs not to be "inexperienced".
    public func knew(_ person: EntityID, _ workshop: WorkshopRef, by instant: Int64) -> Bool {
        hadAttended(person, workshop, by: instant) || hadTaught(person, workshop, by: instant)
    }

    private static func keepEarliest(_ map: inout [EntityID: [WorkshopRef: Int64]], _ person: EntityID,
                                     _ workshop: WorkshopRef, _ end: Int64) {
        if let known = map[person]?[workshop], known <= end { return }
        map[person, default: [:]][workshop] = end
    }
}
