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
    /// Participants who attended: all of them, or only those the lineage names (by default, the
    /// people who teach the workshop somewhere; the others are only counted in `attended`).
    public let learners: [EntityID]
    /// How many participants attended (`learners.count` when every learner is listed).
    public let attended: Int

    public init(id: EntityID, battle: EntityID, start: Int64, date: CivilDate, teachers: [EntityID], learners: [EntityID],
                attended: Int? = nil) {
        self.id = id
        self.battle = battle
        self.start = start
        self.date = date
        self.teachers = teachers
        self.learners = learners
        self.attended = max(attended ?? learners.count, learners.count)
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
        /// The person's teaching is already printed above: under a co-facilitator of the same
        /// session, or where they learned it first (a later refresher does not repeat it).
        case shownAbove
        /// The branch is `TeachingLineage.maximumDepth` generations deep here: it goes on in `edges`
        /// (and Graphviz), not in the nested tree, whose every reader (this builder, renderers,
        /// JSON encoders) walks it recursively.
        case tooDeep
    }

    /// Generations of teachers the nested tree shows before it cuts a branch (`Elision.tooDeep`).
    /// Far beyond any programme's chain, and shallow enough for every thread's stack, including
    /// under AddressSanitizer (a test builds a chain of 2,000).
    public static let maximumDepth = 200

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
        /// The learners listed, in the order they first learned; each learner's own teaching (later on) below them.
        public let learners: [Node]
        /// How many participants attended these sessions (someone who attended two of them counts twice).
        public let attended: Int
        /// Of `attended`, those whose learner is not in `learners` (the learners who never taught, by default).
        public let unlisted: Int
    }

    /// Learners a teacher had at one battle who are not listed by name: counted, for views that
    /// draw edges rather than the tree (Graphviz).
    public struct Unlisted: Equatable, Sendable {
        public let teacher: EntityID
        public let battle: EntityID
        /// The local day of the first of these sessions.
        public let date: CivilDate
        public let count: Int
    }

    /// Everyone who taught or learned the workshop, in the order they first took part.
    public let people: [EntityID]
    /// Every teacher → listed learner pair of every session, in time order. Made when asked from the
    /// sessions (a national workshop has hundreds of thousands): `forEachEdge` walks them without an array.
    public var edges: [Edge] {
        var edges: [Edge] = []
        forEachEdge { edges.append($0) }
        return edges
    }

    /// The sessions in time order, from which `edges` come.
    private let sessions: [LineageSession]

    /// Calls `body` with each edge of `edges`, in their order.
    public func forEachEdge(_ body: (Edge) throws -> Void) rethrows {
        for session in sessions {
            for teacher in session.teachers {
                for learner in session.learners where learner != teacher {
                    try body(Edge(teacher: teacher, learner: learner, session: session.id, battle: session.battle, date: session.date))
                }
            }
        }
    }
    /// Per teacher and battle, in time order, how many attended without being listed (none when every
    /// learner is listed).
    public let unlisted: [Unlisted]
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
        // Positions in `ordered`, not copies of the sessions: a national workshop has ~10,000 of them.
        var taught: [EntityID: [Int]] = [:]
        var firstTaught: [EntityID: Int64] = [:]
        var firstLearnedFromSomeone: [EntityID: Int64] = [:]
        var unlisted: [Unlisted] = []
        var unlistedIndex: [Pair: Int] = [:]
        for (position, session) in ordered.enumerated() {
            for person in session.teachers where seen.insert(person).inserted { people.append(person) }
            for person in session.learners where seen.insert(person).inserted { people.append(person) }
            for teacher in session.teachers {
                taught[teacher, default: []].append(position)
                if firstTaught[teacher] == nil { firstTaught[teacher] = session.start }
                let others = session.attended - session.learners.count
                if others > 0 {
                    let pair = Pair(person: teacher, battle: session.battle)
                    if let index = unlistedIndex[pair] {
                        let old = unlisted[index]
                        unlisted[index] = Unlisted(teacher: teacher, battle: old.battle, date: old.date, count: old.count + others)
                    } else {
                        unlistedIndex[pair] = unlisted.count
                        unlisted.append(Unlisted(teacher: teacher, battle: session.battle, date: session.date, count: others))
                    }
                }
            }
            if !session.teachers.isEmpty {
                for learner in session.learners where firstLearnedFromSomeone[learner] == nil {
                    firstLearnedFromSomeone[learner] = session.start
                }
            }
        }
        self.people = people
        self.sessions = ordered
        self.unlisted = unlisted

        var builder = Builder(sessions: ordered, taught: taught)
        let rootPeople = people.filter { person in
            guard let first = firstTaught[person] else { return false }
            return (firstLearnedFromSomeone[person] ?? Int64.max) >= first
        }
        roots = rootPeople.map { builder.node($0, after: nil) }
    }

    private struct Pair: Hashable {
        let person: EntityID
        let battle: EntityID
    }

    /// Walks the tree depth first with an explicit record of what is on the path and what was printed.
    private struct Builder {
        /// In time order.
        let sessions: [LineageSession]
        /// Per teacher, the positions in `sessions` of what they taught (ascending, so in time order).
        let taught: [EntityID: [Int]]
        var expanded = Set<EntityID>()
        /// The people on the branch being built (inserted on the way down, removed on the way up:
        /// a chain of thousands of teachers costs no copies).
        var path = Set<EntityID>()

        struct Key: Hashable {
            let person: EntityID
            let after: Int64?
        }

        init(sessions: [LineageSession], taught: [EntityID: [Int]]) {
            self.sessions = sessions
            self.taught = taught
        }

        mutating func node(_ person: EntityID, after cutoff: Int64?) -> Node {
            if path.contains(person) { return Node(person: person, elided: .cycle, teachings: []) }
            // Cut only a branch that goes on: someone who taught after `cutoff` (a leaf costs no recursion).
            if path.count >= TeachingLineage.maximumDepth, let last = taught[person]?.last, sessions[last].start > (cutoff ?? .min) {
                return Node(person: person, elided: .tooDeep, teachings: [])
            }
            let all = taught[person] ?? []
            var first = all.startIndex
            if let cutoff { while first < all.endIndex, sessions[all[first]].start <= cutoff { first += 1 } }
            let positions = all[first...]
            // A leaf (learned, never taught afterwards) is the same wherever it appears: never elided.
            // Anyone else is expanded once, where the tree first meets them: a veteran who attended a
            // national workshop again and again (refreshers) would otherwise be expanded under every
            // teacher of every refresher, each copy holding the others (44 s and 3.4 GB for one
            // lineage at two million participations). Their teaching from then on is in
            // that first place; every edge stays in `edges`.
            if !positions.isEmpty, !expanded.insert(person).inserted {
                return Node(person: person, elided: .shownAbove, teachings: [])
            }
            // By battle, in the order first taught there.
            var battles: [EntityID] = []
            var groups: [[Int]] = []
            for position in positions {
                let battle = sessions[position].battle
                if let index = battles.firstIndex(of: battle) {
                    groups[index].append(position)
                } else {
                    battles.append(battle)
                    groups.append([position])
                }
            }
            path.insert(person)
            defer { path.remove(person) }
            var teachings: [Teaching] = []
            teachings.reserveCapacity(battles.count)
            for (battle, group) in zip(battles, groups) {
                var learners: [EntityID] = []
                var learnedAt: [EntityID: Int64] = [:]
                var attended = 0, listed = 0
                for position in group {
                    let session = sessions[position]
                    attended += session.attended
                    listed += session.learners.count
                    for learner in session.learners where learner != person && learnedAt[learner] == nil {
                        learnedAt[learner] = session.start
                        learners.append(learner)
                    }
                }
                var nodes: [Node] = []
                nodes.reserveCapacity(learners.count)
                for learner in learners { nodes.append(node(learner, after: learnedAt[learner]!)) }
                teachings.append(Teaching(battle: battle, date: sessions[group[0]].date, sessions: group.map { sessions[$0].id },
                                          learners: nodes, attended: attended, unlisted: attended - listed))
            }
            return Node(person: person, elided: nil, teachings: teachings)
        }
    }
}
