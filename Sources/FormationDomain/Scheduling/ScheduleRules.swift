/// Everything the rules need to judge one session, gathered by the caller from storage.
public struct ScheduleContext: Sendable {
    public struct Booking: Sendable {
        public let person: EntityID
        public let role: Role
        public init(person: EntityID, role: Role) {
            self.person = person
            self.role = role
        }
    }

    /// Another session of any battle that overlaps in time, with who is in it.
    public struct Neighbour: Sendable {
        public let session: Session
        public let label: SessionLabel
        public let people: Set<EntityID>
        public init(session: Session, label: SessionLabel, people: Set<EntityID>) {
            self.session = session
            self.label = label
            self.people = people
        }
    }

    public struct ShiftSpan: Sendable, Equatable {
        public let person: EntityID
        public let start: Int64
        public let end: Int64
        /// The same times on the battle's clock, for messages.
        public let localStart: LocalDateTime
        public let localEnd: LocalDateTime
        public init(person: EntityID, start: Int64, end: Int64, localStart: LocalDateTime, localEnd: LocalDateTime) {
            self.person = person
            self.start = start
            self.end = end
            self.localStart = localStart
            self.localEnd = localEnd
        }
    }

    public var battle: Battle
    /// The session's first and last local day.
    public var firstDay: CivilDate
    public var lastDay: CivilDate
    /// The most participants the workshop allows.
    public var maxParticipants: Int
    /// The workshop's prerequisites, qualified.
    public var prerequisites: [WorkshopRef]
    public var bookings: [Booking]
    public var neighbours: [Neighbour]
    public var shifts: [ShiftSpan]
    /// What the people booked had attended and taught, with when: judged as of the session's start.
    public var experience: Experience
    public var workshopRef: WorkshopRef
    /// The workshop's length in minutes (0: not checked) and its fewest participants.
    public var minutes = 0
    public var minParticipants = 0
    /// Participants marked attended, once the session was held (someone marked attended, or every
    /// participant marked absent); nil before.
    public var attendedParticipants: Int?
    /// Overlapping sessions the caller left out of `neighbours` (it passed, for each person and for
    /// the place, at least the first `ScheduleRules.listedPerKind` in order), counted per person
    /// sharing them and for the place: they add to the `…More` conflicts.
    public var unlisted = Unlisted()

    public struct Unlisted: Sendable {
        public var people: [EntityID: Int] = [:]
        public var place = 0
        public init() {}
    }

    public init(battle: Battle, firstDay: CivilDate, lastDay: CivilDate, maxParticipants: Int, workshopRef: WorkshopRef,
                prerequisites: [WorkshopRef], bookings: [Booking], neighbours: [Neighbour],
                shifts: [ShiftSpan], experience: Experience) {
        self.battle = battle
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.maxParticipants = maxParticipants
        self.workshopRef = workshopRef
        self.prerequisites = prerequisites
        self.bookings = bookings
        self.neighbours = neighbours
        self.shifts = shifts
        self.experience = experience
    }
}

/// The scheduling rules of a battle, pure: given a session and its context, every conflict.
/// `ConflictEngine` builds each session's context from a battle's data and calls them; nothing else does.
public enum ScheduleRules {
    /// Overlapping sessions listed one by one per person double-booked, and for the place; the rest
    /// are counted in one `…More` conflict. A thousand sessions of one facilitator at one time and
    /// place listed each other in full: a million conflicts, 1.2 GB, 285 MB of output.
    public static let listedPerKind = 10

    /// The conflict of a person booked in `session` (not marked absent) who is on `shift` at that
    /// time: facilitators and participants alike, nobody is at a session and on a repair shift at
    /// once. `shift add` asks it from the shift's side, for the sessions its people are in.
    public static func onShift(_ session: Session, _ shift: ScheduleContext.ShiftSpan) -> ScheduleConflict? {
        guard shift.start < session.end, session.start < shift.end else { return nil }
        return .onShift(person: shift.person, shiftStart: shift.localStart, shiftEnd: shift.localEnd)
    }

    /// Every conflict of `session`, hard ones first, in a stable order.
    public static func conflicts(of session: Session, in context: ScheduleContext) -> [ScheduleConflict] {
        var hard: [ScheduleConflict] = []
        var soft: [ScheduleConflict] = []
        if !context.battle.contains(context.firstDay) || !context.battle.contains(context.lastDay) {
            hard.append(.outsideBattle(battleStart: context.battle.start, battleEnd: context.battle.end))
        }
        let people = Set(context.bookings.map(\.person))
        var listed: [EntityID: Int] = [:], unlisted: [EntityID: Int] = [:]
        var placeListed = 0, placeUnlisted = 0
        let place = session.place.lowercased()
        for neighbour in context.neighbours where neighbour.session.id != session.id && !neighbour.session.cancelled
            && neighbour.session.overlaps(session) {
            for person in people.intersection(neighbour.people).sorted() {
                if listed[person, default: 0] < listedPerKind {
                    listed[person, default: 0] += 1
                    hard.append(.personDoubleBooked(person: person, otherSession: neighbour.label))
                } else {
                    unlisted[person, default: 0] += 1
                }
            }
            if neighbour.session.battle == session.battle, neighbour.session.place.lowercased() == place {
                if placeListed < listedPerKind {
                    placeListed += 1
                    soft.append(.placeDoubleBooked(place: session.place, otherSession: neighbour.label))
                } else {
                    placeUnlisted += 1
                }
            }
        }
        unlisted.merge(context.unlisted.people.filter { $0.value > 0 }) { $0 + $1 }
        placeUnlisted += context.unlisted.place
        for (person, sessions) in unlisted.sorted(by: { $0.key < $1.key }) {
            hard.append(.personDoubleBookedMore(person: person, sessions: sessions))
        }
        if placeUnlisted > 0 { soft.append(.placeDoubleBookedMore(place: session.place, sessions: placeUnlisted)) }
        for person in people.sorted() {
            for shift in context.shifts where shift.person == person {
                if let conflict = onShift(session, shift) { soft.append(conflict) }
            }
        }
        let participants = context.bookings.filter { $0.role == .participant }.map(\.person)
        for person in participants.sorted() {
            // A prerequisite is met by a session attended or taught that ended before this one starts, by
            // prior learning, or (for planning) by a registration in an earlier session of the battle.
            for prerequisite in context.prerequisites where !context.experience.knew(person, prerequisite, by: session.start)
                && context.experience.plannedIn(person, prerequisite, by: session.start) == nil {
                soft.append(.missingPrerequisite(person: person, prerequisite: prerequisite))
            }
        }
        if participants.count > context.maxParticipants {
            soft.append(.overCapacity(participants: participants.count, maximum: context.maxParticipants))
        }
        if let attended = context.attendedParticipants, attended < context.minParticipants {
            soft.append(.belowMinimum(participants: attended, minimum: context.minParticipants))
        }
        let length = session.end - session.start
        if context.minutes > 0, length < Int64(context.minutes) * 60 {
            soft.append(.shortSession(minutes: Int(length / 60), workshopMinutes: context.minutes))
        }
        for booking in context.bookings where booking.role == .facilitator {
            // As of this session's start: the session itself never counts as its facilitator's experience.
            if !context.experience.knew(booking.person, context.workshopRef, by: session.start) {
                soft.append(.inexperiencedFacilitator(person: booking.person, workshop: context.workshopRef))
            }
        }
        return hard + soft
    }
}
