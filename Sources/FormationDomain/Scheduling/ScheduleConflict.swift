/// Something wrong with a planned session (DESIGN.md §1, issue 7).
///
/// *Hard* conflicts are always refused. *Soft* ones are refused unless the facilitator forces
/// them, and then recorded so that `battle check` and the report keep showing them.
public enum ScheduleConflict: Hashable, Sendable {
    /// A person facilitating or attending two sessions that overlap.
    case personDoubleBooked(person: String, otherSession: SessionLabel)
    /// The same person in `sessions` more overlapping sessions, beyond those listed one by one
    /// (`ScheduleRules.listedPerKind`): what one session lists stays short whatever the battle holds.
    case personDoubleBookedMore(person: String, sessions: Int)
    /// The session falls (partly) outside the battle's days.
    case outsideBattle(battleStart: CivilDate, battleEnd: CivilDate)
    /// A place used by two sessions at once (open yards may host several: soft).
    case placeDoubleBooked(place: String, otherSession: SessionLabel)
    /// The place used by `sessions` more sessions at once, beyond those listed one by one.
    case placeDoubleBookedMore(place: String, sessions: Int)
    /// A participant who is on a repair shift at that time.
    case onShift(person: String, shiftStart: String, shiftEnd: String)
    /// A participant who has not attended a prerequisite of the workshop.
    case missingPrerequisite(person: String, prerequisite: String)
    /// More participants than the workshop allows.
    case overCapacity(participants: Int, maximum: Int)
    /// A facilitator who has never attended nor taught the workshop.
    case inexperiencedFacilitator(person: String, workshop: String)

    public var isHard: Bool {
        switch self {
        case .personDoubleBooked, .personDoubleBookedMore, .outsideBattle: true
        default: false
        }
    }

    /// Whether forcing it records it. A count of sessions not listed is not: it changes as sessions
    /// come and go, and battle records carry only conflicts named one by one.
    public var isRecorded: Bool {
        if case .placeDoubleBookedMore = self { return false }
        return !isHard
    }

    /// A stable machine name, for JSON and for recording forced conflicts.
    public var kind: String {
        switch self {
        case .personDoubleBooked: "personDoubleBooked"
        case .personDoubleBookedMore: "personDoubleBookedMore"
        case .outsideBattle: "outsideBattle"
        case .placeDoubleBooked: "placeDoubleBooked"
        case .placeDoubleBookedMore: "placeDoubleBookedMore"
        case .onShift: "onShift"
        case .missingPrerequisite: "missingPrerequisite"
        case .overCapacity: "overCapacity"
        case .inexperiencedFacilitator: "inexperiencedFacilitator"
        }
    }

    /// The message's arguments as plain strings: what is recorded when the conflict is forced.
    public var textArguments: [String] {
        message.arguments.map { argument in
            if case .text(let text) = argument { return text }
            return ""
        }
    }

    public var message: Message {
        switch self {
        case .personDoubleBooked(let person, let other):
            Message(.conflictPersonDoubleBooked, person, other.description)
        case .outsideBattle(let start, let end):
            Message(.conflictOutsideBattle, start.description, end.description)
        case .placeDoubleBooked(let place, let other):
            Message(.conflictPlaceDoubleBooked, place, other.description)
        case .personDoubleBookedMore(let person, let sessions):
            Message(.conflictPersonDoubleBookedMore, person, String(sessions))
        case .placeDoubleBookedMore(let place, let sessions):
            Message(.conflictPlaceDoubleBookedMore, place, String(sessions))
        case .onShift(let person, let start, let end):
            Message(.conflictOnShift, person, start, end)
        case .missingPrerequisite(let person, let prerequisite):
            Message(.conflictMissingPrerequisite, person, prerequisite)
        case .overCapacity(let participants, let maximum):
            Message(.conflictOverCapacity, String(participants), String(maximum))
        case .inexperiencedFacilitator(let person, let workshop):
            Message(.conflictInexperiencedFacilitator, person, workshop)
        }
    }
}

/// How a conflict names the other session: its workshop, place and local times.
public struct SessionLabel: Hashable, Sendable, CustomStringConvertible {
    public let id: EntityID
    public let workshop: String
    public let place: String
    /// `2026-12-01 14:00–16:00` in the battle's zone.
    public let when: String

    public init(id: EntityID, workshop: String, place: String, when: String) {
        self.id = id
        self.workshop = workshop
        self.place = place
        self.when = when
    }

    public var description: String { "\(workshop) @ \(place), \(when) [\(id.short)]" }
}
