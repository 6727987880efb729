/// One held session of a workshop as the lineage sees it: who taught it and who learned in it.
public struct LineageSession: Hashable, Sendable {
    public let id: EntityID
    public let battle: EntityID
    /// Seconds since 1970 (UTC): orders sessions in time.
    public let start: Int64
    /// The session's local day, in its battle's time zone.
    public let date: CivilDate
    /// Facilitators whose teaching counts (not absent, session not cancelled and over).
    public let teachers: [EntityID]
    /// Participants who attended.
    public let learners: [EntityID]

    public init(id: EntityID, battle: EntityID, start: Int64, date: CivilDate, teachers: [EntityID], learners: [EntityID]) {
        self.id = id
        self.battle = battle
        self.start = start
        self.date = date
        self.teachers = teachers
        self.learners = learners
    }
}

/// How knowledge of one workshop spread from worker to worker: who taught whom, battle by battle.
///
/// Nodes are the people who taught or learned the workshop; there is an edge teacher → learner
/// for each session the teacher facilitated and the learner attended. Pure: built from
/// `LineageSession`s, no I/O.
public struct TeachingLineage: Equatable, Sendable {
    public struct Edge: Hashable, Sendable {
        public let teacher: EntityID
        public let learner: EntityID
        public let session: EntityID
        public let battle: EntityID
        public let date: CivilDate
    }

    /// Why a node is shown without its subtree.
    public enum Elision: String, Sendable {
        /// The person is already higher on this path (A taught B, later B taught A): not descended into.
        case cycle
        /// The same subtree (same person, learning at the same moment) is already printed above,
        /// under a co-facilitator of the same session.
        case shownAbove
    }

    /// A person in the tree, with what they taught after the moment they entered it.
    public struct Node: Equatable, Sendable {
        public let person: EntityID
        public let elided: Elision?
        /// Battle by battle, in time order.
        public let teachings: [Teaching]
    }

    /// What one person taught at one battle, and to whom.
    public struct Teaching: Equatable, Sendable {
        public let battle: EntityID
        /// The local day of the first of these sessions.
        public let date: CivilDate
        public let sessions: [EntityID]
        /// In the order they first learned; each learner's own teaching (later on) below them.
        public let learners: [Node]
    }

    /// Everyone who taught or learned the workshop, in the order they first took part.
    public let people: [EntityID]
    /// Every teacher → learner pair of every session, in time order.
    public let edges: [Edge]
    /// One tree per root: a facilitator who had not learned the workshop from anyone in these
    /// sessions before first teaching it (someone who brought it from outside), in the order
    /// they first taught.
    public let roots: [Node]

    /// Builds the lineage of `sessions` (any order).
    ///
    /// A learner's subtree holds only what they taught *after* learning there, so the tree
    /// follows time. A root is a facilitator who never attended the workshop with a teacher
    /// before their first teaching; someone who attended a session whose facilitator was absent
    /// therefore still becomes a root when they teach, so every teaching appears in the tree.
    public init(sessions: [LineageSession]) {
        let ordered = sessions.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        var people: [EntityID] = []
        var seen = Set<EntityID>()
        var edges: [Edge] = []
        var taught: [EntityID: [LineageSession]] = [:]
        var firstTaught: [EntityID: Int64] = [:]
        var firstLearnedFromSomeone: [EntityID: Int64] = [:]
        for session in ordered {
            for person in session.teachers + session.learners where seen.insert(person).inserted { people.append(person) }
            for teacher in session.teachers {
                taught[teacher, default: []].append(session)
                if firstTaught[teacher] == nil { firstTaught[teacher] = session.start }
                for learner in session.learners where learner != teacher {
                    edges.append(Edge(teacher: teacher, learner: learner, session: session.id, battle: session.battle, date: session.date))
                }
            }
            if !session.teachers.isEmpty {
                for learner in session.learners where firstLearnedFromSomeone[learner] == nil {
                    firstLearnedFromSomeone[learner] = session.start
                }
            }
        }
        self.people = people
        self.edges = edges

        var builder = Builder(taught: taught)
        let rootPeople = people.filter { person in
            guard let first = firstTaught[person] else { return false }
            return (firstLearnedFromSomeone[person] ?? Int64.max) >= first
        }
        roots = rootPeople.map { builder.node($0, after: nil, path: []) }
    }

    /// Walks the tree depth first with an explicit record of what is on the path and what was printed.
    private struct Builder {
        let taught: [EntityID: [LineageSession]]
        var expanded = Set<Key>()

        struct Key: Hashable {
            let person: EntityID
            let after: Int64?
        }

        init(taught: [EntityID: [LineageSession]]) { self.taught = taught }

        mutating func node(_ person: EntityID, after cutoff: Int64?, path: Set<EntityID>) -> Node {
            if path.contains(person) { return Node(person: person, elided: .cycle, teachings: []) }
            let sessions = (taught[person] ?? []).filter { cutoff == nil || $0.start > cutoff! }
            // A leaf (learned, never taught afterwards) is the same wherever it appears: never elided.
            if !sessions.isEmpty, !expanded.insert(Key(person: person, after: cutoff)).inserted {
                return Node(person: person, elided: .shownAbove, teachings: [])
            }
            var battles: [EntityID] = []
            var byBattle: [EntityID: [LineageSession]] = [:]
            for session in sessions {
                if byBattle[session.battle] == nil { battles.append(session.battle) }
                byBattle[session.battle, default: []].append(session)
            }
            let inner = path.union([person])
            var teachings: [Teaching] = []
            for battle in battles {
                let group = byBattle[battle]!
                var learners: [EntityID] = []
                var learnedAt: [EntityID: Int64] = [:]
                for session in group {
                    for learner in session.learners where learner != person && learnedAt[learner] == nil {
                        learnedAt[learner] = session.start
                        learners.append(learner)
                    }
                }
                let nodes = learners.map { node($0, after: learnedAt[$0]!, path: inner) }
                teachings.append(Teaching(battle: battle, date: group[0].date, sessions: group.map(\.id), learners: nodes))
            }
            return Node(person: person, elided: nil, teachings: teachings)
        }
    }
}
