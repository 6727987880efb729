/// Something wrong with a planned session (DESIGN.md §1).
///
/// *Hard* conflicts are always refused. *Soft* ones are refused unless the facilitator forces
/// them, and then recorded so that `battle check` and the report keep showing them.
///
/// People are named by id: two people with the same name are two people. Names appear only in
/// the rendered message (`message(_:)`), from the lookup the caller passes.
public enum ScheduleConflict: Hashable, Sendable {
    /// A person facilitating or attending two sessions that overlap.
    case personDoubleBooked(person: EntityID, otherSession: SessionLabel)
    /// The same person in `sessions` more overlapping sessions, beyond those listed one by one
    /// (`ScheduleRules.listedPerKind`): what one session lists stays short whatever the battle holds.
    case personDoubleBookedMore(person: EntityID, sessions: Int)
    /// The session falls (partly) outside the battle's days.
    case outsideBattle(battleStart: CivilDate, battleEnd: CivilDate)
    /// A place used by two sessions at once (open yards may host several: soft).
    case placeDoubleBooked(place: String, otherSession: SessionLabel)
    /// The place used by `sessions` more sessions at once, beyond those listed one by one.
    case placeDoubleBookedMore(place: String, sessions: Int)
    /// A participant (or facilitator) who is on a repair shift at that time, in the battle's local time.
    case onShift(person: EntityID, shiftStart: LocalDateTime, shiftEnd: LocalDateTime)
    /// A participant who has not attended a prerequisite of the workshop.
    case missingPrerequisite(person: EntityID, prerequisite: WorkshopRef)
    /// More participants than the workshop allows.
    case overCapacity(participants: Int, maximum: Int)
    /// A facilitator who has never attended nor taught the workshop.
    case inexperiencedFacilitator(person: EntityID, workshop: WorkshopRef)
    /// A session shorter than the workshop's minutes.
    case shortSession(minutes: Int, workshopMinutes: Int)
    /// A held session (someone marked attended, or every participant marked absent) where fewer
    /// participants came than the workshop's minimum. Shown, never refused: see `Kind.refuses`.
    case belowMinimum(participants: Int, minimum: Int)

    /// What kind of conflict: its stable machine name (JSON, recorded conflicts) and its weight.
    public enum Kind: String, Sendable, CaseIterable {
        case personDoubleBooked, personDoubleBookedMore, outsideBattle, placeDoubleBooked, placeDoubleBookedMore
        case onShift, missingPrerequisite, overCapacity, inexperiencedFacilitator
        case shortSession, belowMinimum

        public var isHard: Bool {
            switch self {
            case .personDoubleBooked, .personDoubleBookedMore, .outsideBattle: true
            default: false
            }
        }

        /// Whether forcing it records it. A count of sessions not listed is not: it changes as sessions
        /// come and go, and battle records carry only conflicts named one by one.
        public var isRecorded: Bool { self != .placeDoubleBookedMore && self != .belowMinimum && !isHard }

        /// Whether it refuses a change (unless forced, when soft). A session below its minimum is a
        /// fact about what happened, found once attendance is taken: `battle check` and the report
        /// show it; planning never stops for it.
        public var refuses: Bool { self != .belowMinimum }

        /// Whether the conflict is about one person, named by the message's first argument.
        public var isAboutAPerson: Bool {
            switch self {
            case .personDoubleBooked, .personDoubleBookedMore, .onShift, .missingPrerequisite, .inexperiencedFacilitator: true
            case .outsideBattle, .placeDoubleBooked, .placeDoubleBookedMore, .overCapacity, .shortSession, .belowMinimum: false
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .personDoubleBooked: .personDoubleBooked
        case .personDoubleBookedMore: .personDoubleBookedMore
        case .outsideBattle: .outsideBattle
        case .placeDoubleBooked: .placeDoubleBooked
        case .placeDoubleBookedMore: .placeDoubleBookedMore
        case .onShift: .onShift
        case .missingPrerequisite: .missingPrerequisite
        case .overCapacity: .overCapacity
        case .inexperiencedFacilitator: .inexperiencedFacilitator
        case .shortSession: .shortSession
        case .belowMinimum: .belowMinimum
        }
    }

    public var isHard: Bool { kind.isHard }
    public var isRecorded: Bool { kind.isRecorded }

    /// The person the conflict is about, if it is about one: whoever joins a session answers for these.
    public var person: EntityID? {
        switch self {
        case .personDoubleBooked(let person, _), .personDoubleBookedMore(let person, _), .onShift(let person, _, _),
             .missingPrerequisite(let person, _), .inexperiencedFacilitator(let person, _):
            person
        case .outsideBattle, .placeDoubleBooked, .placeDoubleBookedMore, .overCapacity, .shortSession, .belowMinimum:
            nil
        }
    }

    /// The message, naming people through `names` (an id's short form when it has no name there).
    public func message(_ names: PersonNames) -> Message {
        switch self {
        case .personDoubleBooked(let person, let other):
            Message(.conflictPersonDoubleBooked, names[person], other.description)
        case .outsideBattle(let start, let end):
            Message(.conflictOutsideBattle, start.description, end.description)
        case .placeDoubleBooked(let place, let other):
            Message(.conflictPlaceDoubleBooked, place, other.description)
        case .personDoubleBookedMore(let person, let sessions):
            Message(.conflictPersonDoubleBookedMore, names[person], String(sessions))
        case .placeDoubleBookedMore(let place, let sessions):
            Message(.conflictPlaceDoubleBookedMore, place, String(sessions))
        case .onShift(let person, let start, let end):
            Message(.conflictOnShift, names[person], start.description, end.description)
        case .missingPrerequisite(let person, let prerequisite):
            Message(.conflictMissingPrerequisite, names[person], prerequisite.description)
        case .overCapacity(let participants, let maximum):
            Message(.conflictOverCapacity, String(participants), String(maximum))
        case .inexperiencedFacilitator(let person, let workshop):
            Message(.conflictInexperiencedFacilitator, names[person], workshop.description)
        case .shortSession(let minutes, let workshopMinutes):
            Message(.conflictShortSession, String(minutes), String(workshopMinutes))
        case .belowMinimum(let participants, let minimum):
            Message(.conflictBelowMinimum, String(participants), String(minimum))
        }
    }

    /// How this conflict is recorded when forced on `session`, and so how a recorded one is
    /// recognised: `session add`, `attend`, `shift add`, `battle check`, `battle report` and battle
    /// records all go through here.
    ///
    /// A conflict about a person is known by the person's id, not their name: the name's slot (the
    /// message's first argument) is left empty, so that renaming someone or two people sharing a
    /// name change nothing about which conflicts were forced.
    public func recorded(on session: EntityID) -> RecordedConflict {
        var arguments = message(PersonNames()).arguments.map { argument in
            if case .text(let text) = argument { return text }
            return ""
        }
        if person != nil, !arguments.isEmpty { arguments[0] = "" }
        return RecordedConflict(session: session, kind: kind.rawValue, person: person, arguments: arguments)
    }
}

/// A forced conflict as stored (`recordedConflict`) and carried in battle records: the session it
/// was forced on, its kind's machine name, the person it is about (if any), and its message's
/// other arguments as they read when forced (the person's name slot, the first, is left empty).
/// Records written by other plants may carry kinds this version does not know: kept as text.
public struct RecordedConflict: Hashable, Sendable {
    public let session: EntityID
    public let kind: String
    public let person: EntityID?
    public let arguments: [String]

    public init(session: EntityID, kind: String, person: EntityID? = nil, arguments: [String]) {
        self.session = session
        self.kind = kind
        self.person = person
        self.arguments = arguments
    }

    /// The arguments as a reader needs them: the person's name in its slot.
    public func arguments(naming name: String) -> [String] {
        guard person != nil, !arguments.isEmpty else { return arguments }
        var named = arguments
        named[0] = name
        return named
    }
}

/// People's names by id, for rendering conflicts: only messages name people.
public struct PersonNames: Sendable, Equatable {
    public var byID: [EntityID: String]

    public init(_ byID: [EntityID: String] = [:]) { self.byID = byID }

    /// The person's name, or the short form of the id when the name is not known.
    public subscript(_ id: EntityID) -> String { byID[id] ?? id.short }

    public mutating func merge(_ other: PersonNames) { byID.merge(other.byID) { kept, _ in kept } }
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

/// A prerequisite a participant meets only for planning: they are registered in an earlier session
/// of the battle that teaches it. It turns into a `missingPrerequisite` if they are marked absent
/// from that session or it is cancelled.
public struct PlannedPrerequisite: Hashable, Sendable {
    /// The later session, whose prerequisite it is.
    public let session: SessionLabel
    public let person: EntityID
    public let prerequisite: WorkshopRef
    /// The earlier session they are registered in.
    public let plannedIn: SessionLabel

    public init(session: SessionLabel, person: EntityID, prerequisite: WorkshopRef, plannedIn: SessionLabel) {
        self.session = session
        self.person = person
        self.prerequisite = prerequisite
        self.plannedIn = plannedIn
    }

    public func message(_ names: PersonNames) -> Message {
        Message(.plannedPrerequisite, names[person], prerequisite.description, plannedIn.description)
    }
}
