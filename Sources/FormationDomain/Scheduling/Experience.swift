/// What people had learned and taught, and when: the rules ask what a person knew *as of the start
/// of the session they judge*, never as of today.
///
/// A session a person attended or taught counts from its end on. So a facilitator forced into a
/// workshop they never attended stays "inexperienced" for that session however long ago it ended,
/// while a later session of the same workshop finds them experienced.
///
/// Prior learning recognised with `person qualify` counts at *any* instant: it recognises what the
/// person knew from outside the programme, before any session of it (the date it was recorded is
/// kept for histories, not for the rules). A registration in an earlier session of the battle being
/// judged counts for prerequisites only, as *planned* (`plannedIn`).
public struct Experience: Sendable, Equatable {
    /// For each person and workshop (qualified), the end of the first session of it they attended:
    /// a participant marked attended, in a session not cancelled.
    public private(set) var attended: [EntityID: [WorkshopRef: Int64]] = [:]
    /// For each person and workshop (qualified), the end of the first session of it they facilitated:
    /// not marked absent, in a session not cancelled.
    public private(set) var taught: [EntityID: [WorkshopRef: Int64]] = [:]
    /// Workshops (qualified) each person is recognised to know from outside the programme.
    public private(set) var qualified: [EntityID: Set<WorkshopRef>] = [:]
    /// For each person and workshop (qualified), the earliest-ending session of the battle being
    /// judged in which they are registered as participant and not yet marked (`LearningRules.planned`).
    public private(set) var planned: [EntityID: [WorkshopRef: Planned]] = [:]

    /// A session someone is registered in, that will meet a prerequisite once attended.
    public struct Planned: Sendable, Equatable {
        public let session: EntityID
        public let end: Int64
    }

    public init() {}

    /// Counts `workshop` as attended by `person` from `end` on (the earliest end is kept).
    public mutating func addAttended(_ person: EntityID, _ workshop: WorkshopRef, end: Int64) {
        Self.keepEarliest(&attended, person, workshop, end)
    }

    /// Counts `workshop` as taught by `person` from `end` on (the earliest end is kept).
    public mutating func addTaught(_ person: EntityID, _ workshop: WorkshopRef, end: Int64) {
        Self.keepEarliest(&taught, person, workshop, end)
    }

    /// Counts `workshop` as known by `person` at any instant: prior learning recognised.
    public mutating func addQualified(_ person: EntityID, _ workshop: WorkshopRef) {
        qualified[person, default: []].insert(workshop)
    }

    /// Notes that `person` is registered in `session` of `workshop`, ending at `end` (the earliest is kept).
    public mutating func addPlanned(_ person: EntityID, _ workshop: WorkshopRef, session: EntityID, end: Int64) {
        if let known = planned[person]?[workshop], (known.end, known.session) <= (end, session) { return }
        planned[person, default: [:]][workshop] = Planned(session: session, end: end)
    }

    /// Whether `person` had attended `workshop` in a session that ended by `instant`.
    public func hadAttended(_ person: EntityID, _ workshop: WorkshopRef, by instant: Int64) -> Bool {
        attended[person]?[workshop].map { $0 <= instant } ?? false
    }

    /// Whether `person` had taught `workshop` in a session that ended by `instant`.
    public func hadTaught(_ person: EntityID, _ workshop: WorkshopRef, by instant: Int64) -> Bool {
        taught[person]?[workshop].map { $0 <= instant } ?? false
    }

    /// Whether `person` is recognised to know `workshop` from outside the programme.
    public func isQualified(_ person: EntityID, _ workshop: WorkshopRef) -> Bool {
        qualified[person]?.contains(workshop) ?? false
    }

    /// Whether `person` had attended or taught `workshop` by `instant`, or is qualified in it: what a
    /// prerequisite asks, and what a facilitator needs not to be "inexperienced".
    public func knew(_ person: EntityID, _ workshop: WorkshopRef, by instant: Int64) -> Bool {
        hadAttended(person, workshop, by: instant) || hadTaught(person, workshop, by: instant) || isQualified(person, workshop)
    }

    /// The session, ending by `instant`, in which `person` is registered for `workshop`: a
    /// prerequisite met for planning only. Nil when there is none.
    public func plannedIn(_ person: EntityID, _ workshop: WorkshopRef, by instant: Int64) -> EntityID? {
        guard let planned = planned[person]?[workshop], planned.end <= instant else { return nil }
        return planned.session
    }

    private static func keepEarliest(_ map: inout [EntityID: [WorkshopRef: Int64]], _ person: EntityID,
                                     _ workshop: WorkshopRef, _ end: Int64) {
        if let known = map[person]?[workshop], known <= end { return }
        map[person, default: [:]][workshop] = end
    }
}
