/// One run of a workshop at a battle, in a place, at a time.
///
/// Times are seconds since 1970 in UTC; the battle's time zone turns them into local wall time.
public struct Session: Hashable, Sendable, Codable {
    public var id: EntityID
    public var battle: EntityID
    public var workshop: WorkshopRef
    /// Set only by the initialisers, which check that it comes before `end` within a day of it.
    public private(set) var start: Int64
    public private(set) var end: Int64
    /// A room or area of the plant ("taller mecánico", "patio de secado").
    public var place: String
    public var cancelled: Bool

    /// Longest a session may last. Bounding it lets overlap queries use an index range on `start`.
    public static let maximumSeconds: Int64 = 24 * 3600

    /// - Throws: `.datesOutOfOrder` unless `start < end`; `.sessionTooLong` for a session longer
    ///   than a day (a typo in the date, almost surely); `.emptyName` for a blank place. Times in
    ///   these errors are UTC (`ISOInstant.utc`): callers that know the clock say them as typed first.
    public init(id: EntityID, battle: EntityID, workshop: WorkshopRef, start: Int64, end: Int64, place: String, cancelled: Bool = false) throws(DomainError) {
        guard start < end else { throw .datesOutOfOrder(start: ISOInstant.utc(start), end: ISOInstant.utc(end)) }
        guard end - start <= Session.maximumSeconds else { throw .sessionTooLong(start: ISOInstant.utc(start), end: ISOInstant.utc(end)) }
        self.id = id
        self.battle = battle
        self.workshop = workshop
        self.start = start
        self.end = end
        self.place = try requireName(place, field: "place")
        self.cancelled = cancelled
    }

    /// For rows read back from our own database, which were checked when written.
    public init(stored id: EntityID, battle: EntityID, workshop: WorkshopRef, start: Int64, end: Int64, place: String, cancelled: Bool) {
        self.id = id
        self.battle = battle
        self.workshop = workshop
        self.start = start
        self.end = end
        self.place = place
        self.cancelled = cancelled
    }

    public func overlaps(_ other: Session) -> Bool { start < other.end && other.start < end }
}

/// How a person takes part in a session.
public enum Role: String, Sendable, CaseIterable, Codable {
    case facilitator, participant
}

/// Whether they came. Registered until the sign-in sheet says otherwise.
public enum AttendanceStatus: String, Sendable, CaseIterable, Codable {
    case registered, attended, absent
}

/// A person in a session. Learning histories are derived from these, never stored twice.
public struct Participation: Hashable, Sendable, Codable {
    public var session: EntityID
    public var person: EntityID
    public var role: Role
    public var status: AttendanceStatus

    public init(session: EntityID, person: EntityID, role: Role, status: AttendanceStatus) {
        self.session = session
        self.person = person
        self.role = role
        self.status = status
    }
}

/// A stretch of repair work: a person on shift cannot be booked into a session.
public struct Shift: Hashable, Sendable, Codable {
    public var id: EntityID
    public var battle: EntityID
    public var person: EntityID
    public var start: Int64
    public var end: Int64

    /// For rows read back from our own database.
    public init(stored id: EntityID, battle: EntityID, person: EntityID, start: Int64, end: Int64) {
        self.id = id
        self.battle = battle
        self.person = person
        self.start = start
        self.end = end
    }

    public init(id: EntityID, battle: EntityID, person: EntityID, start: Int64, end: Int64) throws(DomainError) {
        guard start < end else { throw .datesOutOfOrder(start: ISOInstant.utc(start), end: ISOInstant.utc(end)) }
        self.id = id
        self.battle = battle
        self.person = person
        self.start = start
        self.end = end
    }
}
