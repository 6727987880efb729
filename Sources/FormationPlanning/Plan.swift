public import FormationDomain

/// What the planner proposes: sessions to add, why each person is in them, and how good the plan is.
/// Nothing here is written anywhere: applying a plan goes through the ordinary use cases.
public struct Plan: Codable, Sendable, Equatable {
    /// The proposed sessions, by start time, then place.
    public var sessions: [ProposedSession]
    /// The objective's three figures, in order of importance.
    public var objective: Objective
    /// Whether the solver proved that no plan does better (lexicographically).
    public var provenOptimal: Bool
    /// The solver's relative gap between this plan and its bound (0 when proven optimal), on the
    /// first figure of the objective not proven optimal (the figures are solved in turn); `nil`
    /// when the search of that figure was cut before it gave a bound.
    public var gap: Double?
    /// The most learnings any plan could reach, as far as the solver could prove.
    public var learningsBound: Int?
    /// Why wanted workshops got no session, or why the plan is empty. Empty for a full plan.
    public var issues: [PlanningIssue]
    /// Wall-clock seconds spent solving.
    public var seconds: Double

    public init(sessions: [ProposedSession], objective: Objective, provenOptimal: Bool, gap: Double?,
                learningsBound: Int?, issues: [PlanningIssue], seconds: Double) {
        self.sessions = sessions
        self.objective = objective
        self.provenOptimal = provenOptimal
        self.gap = gap
        self.learningsBound = learningsBound
        self.issues = issues
        self.seconds = seconds
    }

    /// The objective, lexicographic: more learnings first, then more people learning, then more
    /// facilitators teaching a workshop for the first time.
    public struct Objective: Codable, Sendable, Equatable, Comparable {
        /// (person, workshop) pairs where the person learns a workshop they had not attended, taught
        /// or been qualified for; each pair counted once.
        public var learnings: Int
        /// Distinct people who learn at least one workshop.
        public var learners: Int
        /// (person, workshop) pairs where the person teaches a workshop they have never taught.
        public var firstTimeFacilitators: Int

        public init(learnings: Int, learners: Int, firstTimeFacilitators: Int) {
            self.learnings = learnings
            self.learners = learners
            self.firstTimeFacilitators = firstTimeFacilitators
        }

        public static func < (lhs: Objective, rhs: Objective) -> Bool {
            (lhs.learnings, lhs.learners, lhs.firstTimeFacilitators) < (rhs.learnings, rhs.learners, rhs.firstTimeFacilitators)
        }
    }
}

/// One session the planner proposes.
public struct ProposedSession: Codable, Sendable, Equatable {
    public var workshop: WorkshopRef
    public var place: String
    public var start: Int64
    public var end: Int64
    public var facilitators: [Facilitator]
    public var participants: [Participant]

    public init(workshop: WorkshopRef, place: String, start: Int64, end: Int64, facilitators: [Facilitator],
                participants: [Participant]) {
        self.workshop = workshop
        self.place = place
        self.start = start
        self.end = end
        self.facilitators = facilitators
        self.participants = participants
    }

    public struct Facilitator: Codable, Sendable, Equatable {
        public var person: String
        /// How they know the workshop.
        public var knows: Knowledge
        /// True when they have never taught this workshop.
        public var firstTime: Bool

        public init(person: String, knows: Knowledge, firstTime: Bool) {
            self.person = person
            self.knows = knows
            self.firstTime = firstTime
        }
    }

    public struct Participant: Codable, Sendable, Equatable {
        public var person: String
        /// Why they may come: how they meet each prerequisite (empty when there is none). They are
        /// there to learn the workshop, which they have not attended, taught or been qualified for.
        public var prerequisites: [MetPrerequisite]

        public init(person: String, prerequisites: [MetPrerequisite]) {
            self.person = person
            self.prerequisites = prerequisites
        }
    }

    public struct MetPrerequisite: Codable, Sendable, Equatable {
        public var workshop: WorkshopRef
        public var knows: Knowledge
        public init(workshop: WorkshopRef, knows: Knowledge) {
            self.workshop = workshop
            self.knows = knows
        }
    }
}

/// How a person knows a workshop. JSON: `{"kind": "taught"}`, or `{"kind": "plan", "session": 3}`
/// (the index of an earlier session of the same plan), or `{"kind": "fixed", "session": 0}` (the
/// index of a fixed session of the instance).
public struct Knowledge: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        case taught, attended, qualified
        /// In a session already planned (the instance's `fixedSessions[session]`).
        case fixed
        /// In an earlier session of this plan (`sessions[session]`).
        case plan
    }

    public var kind: Kind
    public var session: Int?

    public init(_ kind: Kind, session: Int? = nil) {
        self.kind = kind
        self.session = session
    }
}
