public import FormationDomain

/// Everything the planner needs to know about one battle, and nothing else: the exact problem it
/// solves, written out by `battle plan --instance FILE` so that another solver can be run on it.
///
/// Times are instants in seconds since 1970-01-01 UTC (no time zone, no offsets): whoever builds the
/// instance turns the battle's local days and windows into instants, so the planner never meets a
/// clock change. Intervals are half-open, `[start, end)`. The JSON schema is in the README
/// ("Planning a battle: the instance").
public struct PlanningInstance: Codable, Sendable, Equatable {
    /// The schema's version; 1 for now.
    public var version: Int
    /// The battle's days, as intervals. Informative: sessions are placed inside `windows`.
    public var days: [Interval]
    /// When learning may happen (e.g. 08:00–12:00 and 14:00–18:00 each day). Disjoint.
    public var windows: [Interval]
    /// Start times are tried every `slotMinutes` from each window's start (default 30).
    public var slotMinutes: Int
    /// At most this many facilitators per proposed session (default 2: an experienced one and a
    /// first-time one). Fixed sessions may have more.
    public var maxFacilitators: Int
    /// Places (rooms or areas of the plant) where sessions can be held, by name.
    public var places: [String]
    public var people: [Person]
    /// The workshops that may be offered, with every prerequisite the planner must respect.
    public var workshops: [Workshop]
    /// Sessions already planned: they stay, occupy their place and people, and do not count in the
    /// objective (those who will learn there are counted as learning there, not as knowing before).
    public var fixedSessions: [FixedSession]

    public init(version: Int = 1, days: [Interval] = [], windows: [Interval], slotMinutes: Int = 30,
                maxFacilitators: Int = 2, places: [String], people: [Person], workshops: [Workshop],
                fixedSessions: [FixedSession] = []) {
        self.version = version
        self.days = days
        self.windows = windows
        self.slotMinutes = slotMinutes
        self.maxFacilitators = maxFacilitators
        self.places = places
        self.people = people
        self.workshops = workshops
        self.fixedSessions = fixedSessions
    }

    /// A half-open interval of instants, in seconds since 1970-01-01 UTC.
    public struct Interval: Codable, Sendable, Hashable, Comparable {
        public var start: Int64
        public var end: Int64
        public init(start: Int64, end: Int64) {
            self.start = start
            self.end = end
        }

        /// `intervals` joined where they touch or overlap, minus every interval of `holes`: a person's
        /// availability from their days and what keeps them busy.
        public static func free(_ intervals: [Interval], minus holes: [Interval]) -> [Interval] {
            PlanningProblem.subtract(PlanningProblem.merge(intervals), holes)
        }

        public func contains(_ other: Interval) -> Bool { start <= other.start && other.end <= end }
        public func overlaps(_ other: Interval) -> Bool { start < other.end && other.start < end }
        public static func < (lhs: Interval, rhs: Interval) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }
    }

    /// One person on the roster.
    public struct Person: Codable, Sendable, Equatable {
        /// Any stable text (the database's UUID); names are for people to read.
        public var id: String
        public var name: String
        /// When they are free: the battle's days minus their shifts and the sessions they already
        /// have. Sessions are proposed only inside one of these intervals.
        public var availability: [Interval]
        /// Workshops they have taught (so they are not first-time facilitators of these).
        public var taught: [WorkshopRef]
        /// Workshops they have attended.
        public var attended: [WorkshopRef]
        /// Workshops they are qualified for by other means (a trade, a course elsewhere).
        public var qualified: [WorkshopRef]

        public init(id: String, name: String, availability: [Interval], taught: [WorkshopRef] = [],
                    attended: [WorkshopRef] = [], qualified: [WorkshopRef] = []) {
            self.id = id
            self.name = name
            self.availability = availability
            self.taught = taught
            self.attended = attended
            self.qualified = qualified
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            name = try c.decodeIfPresent(String.self, forKey: .name) ?? id
            availability = try c.decode([Interval].self, forKey: .availability)
            taught = try c.decodeIfPresent([WorkshopRef].self, forKey: .taught) ?? []
            attended = try c.decodeIfPresent([WorkshopRef].self, forKey: .attended) ?? []
            qualified = try c.decodeIfPresent([WorkshopRef].self, forKey: .qualified) ?? []
        }
    }

    /// One workshop that may be offered.
    public struct Workshop: Codable, Sendable, Equatable {
        /// Qualified (`curriculum/workshop`), as prerequisites name it.
        public var ref: WorkshopRef
        public var minutes: Int
        public var minParticipants: Int
        public var maxParticipants: Int
        /// Qualified refs. One missing from `workshops` can only be met by what people already know.
        public var prerequisites: [WorkshopRef]

        public init(ref: WorkshopRef, minutes: Int, minParticipants: Int, maxParticipants: Int,
                    prerequisites: [WorkshopRef] = []) {
            self.ref = ref
            self.minutes = minutes
            self.minParticipants = minParticipants
            self.maxParticipants = maxParticipants
            self.prerequisites = prerequisites
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            ref = try c.decode(WorkshopRef.self, forKey: .ref)
            minutes = try c.decode(Int.self, forKey: .minutes)
            minParticipants = try c.decodeIfPresent(Int.self, forKey: .minParticipants) ?? 1
            maxParticipants = try c.decode(Int.self, forKey: .maxParticipants)
            prerequisites = try c.decodeIfPresent([WorkshopRef].self, forKey: .prerequisites) ?? []
        }
    }

    /// A session already in the battle: it stays as it is.
    public struct FixedSession: Codable, Sendable, Equatable {
        public var workshop: WorkshopRef
        public var place: String
        public var start: Int64
        public var end: Int64
        public var facilitators: [String]
        public var participants: [String]

        public init(workshop: WorkshopRef, place: String, start: Int64, end: Int64, facilitators: [String],
                    participants: [String]) {
            self.workshop = workshop
            self.place = place
            self.start = start
            self.end = end
            self.facilitators = facilitators
            self.participants = participants
        }

        public var interval: Interval { Interval(start: start, end: end) }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 1
        days = try c.decodeIfPresent([Interval].self, forKey: .days) ?? []
        windows = try c.decode([Interval].self, forKey: .windows)
        slotMinutes = try c.decodeIfPresent(Int.self, forKey: .slotMinutes) ?? 30
        maxFacilitators = try c.decodeIfPresent(Int.self, forKey: .maxFacilitators) ?? 2
        places = try c.decode([String].self, forKey: .places)
        people = try c.decode([Person].self, forKey: .people)
        workshops = try c.decode([Workshop].self, forKey: .workshops)
        fixedSessions = try c.decodeIfPresent([FixedSession].self, forKey: .fixedSessions) ?? []
    }
}
