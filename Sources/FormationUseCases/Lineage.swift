public import FormationDomain
public import FormationStorage
internal import Foundation

/// The teaching tree of one workshop, with what views need to name its people and battles.
public struct WorkshopLineage: Sendable {
    public let workshop: WorkshopEntry
    public let lineage: TeachingLineage
    public let names: [EntityID: String]
    public let battles: [EntityID: BattleEntry]
    /// Whether every learner is listed by name (`--learners`); otherwise only the learners who teach
    /// the workshop are, and the others are counted (`TeachingLineage.Teaching.unlisted`).
    public let allLearners: Bool

    /// - Parameters:
    ///   - workshop: `curriculum/workshop`, or a bare workshop id that only one curriculum has.
    ///   - allLearners: list every learner by name. By default only the people who taught the
    ///     workshop are named (the teaching lineage), which reads one row per session; listing every
    ///     learner reads every participation of the workshop and grows with the national total.
    ///   - now: seconds since 1970; a session teaches only once it has ended.
    public static func load(_ store: FormationStore, workshop: String, allLearners: Bool = false,
                            now: Int64 = Counting.now()) throws -> WorkshopLineage {
        let entry = try store.workshop(WorkshopRef(parsing: workshop))
        if allLearners { return try loadEveryLearner(store, entry, now: now) }
        return try store.reading { tx in
            let (sessions, names, battles) = try teachingSessions(tx, entry.ref, now: now)
            return WorkshopLineage(workshop: entry, lineage: TeachingLineage(sessions: sessions), names: names, battles: battles,
                                   allLearners: false)
        }
    }

    /// The sessions of the teaching lineage, with the names and battles it shows. A function of its
    /// own so that the rows read (every attendance of the workshop, ~540,000 at two million
    /// participations) are freed before the tree is built.
    private static func teachingSessions(_ tx: ScheduleTransaction, _ ref: WorkshopRef, now: Int64) throws
        -> (sessions: [LineageSession], names: [EntityID: String], battles: [EntityID: BattleEntry]) {
        let rows = try tx.teachingSessions(ofWorkshop: ref, now: now)
        var teachers: [EntityID] = []
        var teacherKeys: [IDKey: EntityID] = [:]
        var battleIDs = Set<EntityID>()
        for row in rows {
            battleIDs.insert(row.battle)
            for teacher in row.teachers {
                let key = IDKey(teacher)
                if teacherKeys[key] == nil {
                    teacherKeys[key] = teacher
                    teachers.append(teacher)
                }
            }
        }
        // Everyone the tree names taught the workshop.
        let names = try tx.personNames(teachers)
        let battles = try tx.lineageBattles(battleIDs)
        var clocks: [EntityID: LocalClock] = [:]
        var zones: [String: LocalClock] = [:]
        for (id, battle) in battles {
            let zone = battle.battle.timeZone
            if zones[zone] == nil { zones[zone] = try LocalClock(timeZone: zone) }
            clocks[id] = zones[zone]
        }
        // Learners and co-facilitators are listed by name, then id: each teacher's place in that order,
        // found once, so that ~46,000 sessions sort integers rather than look names up in each comparison.
        var rank: [EntityID: Int] = [:]
        rank.reserveCapacity(teachers.count)
        for (place, id) in teachers.sorted(by: { (names[$0] ?? "", $0) < (names[$1] ?? "", $1) }).enumerated() { rank[id] = place }
        var sessions: [LineageSession] = []
        sessions.reserveCapacity(rows.count)
        for row in rows {
            guard !row.teachers.isEmpty || !row.attended.isEmpty, let clock = clocks[row.battle] else { continue }
            // Of those who attended, only the people who teach the workshop are named.
            var learners: [EntityID] = []
            if !teacherKeys.isEmpty {
                for key in row.attended { if let id = teacherKeys[key] { learners.append(id) } }
                // By name, as `--learners` lists people (co-facilitators too, below).
                if learners.count > 1 { learners.sort { rank[$0, default: 0] < rank[$1, default: 0] } }
            }
            var teachers = row.teachers
            if teachers.count > 1 { teachers.sort { rank[$0, default: 0] < rank[$1, default: 0] } }
            sessions.append(LineageSession(id: row.session, battle: row.battle, start: row.start, date: clock.local(row.start).date,
                                           teachers: teachers, learners: learners, attended: row.attended.count))
        }
        return (sessions, names, battles)
    }

    /// Every learner by name: every participation of the workshop, with names.
    private static func loadEveryLearner(_ store: FormationStore, _ entry: WorkshopEntry, now: Int64) throws -> WorkshopLineage {
        try store.reading { tx in
            let sessions = try tx.sessionsWithPeople(ofWorkshop: entry.ref)
            let battles = try tx.battles(Set(sessions.map(\.session.battle)))
            var clocks: [EntityID: LocalClock] = [:]
            for (id, battle) in battles { clocks[id] = try LocalClock(timeZone: battle.battle.timeZone) }
            var names: [EntityID: String] = [:]
            var lineageSessions: [LineageSession] = []
            for (session, people) in sessions where !session.cancelled {
                for person in people { names[person.participation.person] = person.name }
                let teachers = people.filter { Counting.taught(role: $0.participation.role, status: $0.participation.status, session: session, now: now) }
                let learners = people.filter { Counting.attended(role: $0.participation.role, status: $0.participation.status, session: session) }
                guard !teachers.isEmpty || !learners.isEmpty, let clock = clocks[session.battle] else { continue }
                lineageSessions.append(LineageSession(id: session.id, battle: session.battle, start: session.start,
                                                      date: clock.local(session.start).date,
                                                      teachers: teachers.map(\.participation.person),
                                                      learners: learners.map(\.participation.person)))
            }
            return WorkshopLineage(workshop: entry, lineage: TeachingLineage(sessions: lineageSessions), names: names, battles: battles,
                                   allLearners: true)
        }
    }

    public func name(_ id: EntityID) -> String { names[id] ?? id.short }
    public func battleName(_ id: EntityID) -> String { battles[id]?.battle.name ?? id.short }
}

/// Who can teach a workshop: everyone who taught it or attended it, ranked.
public struct WorkshopFacilitators: Sendable {
    public struct Candidate: Sendable, Equatable {
        public let candidate: FacilitatorCandidate
        public let plantName: String?
        public let plantID: EntityID?
        /// Whether their home plant is in the state of the plant asked for with `--near`.
        public let near: Bool
    }

    public let workshop: WorkshopEntry
    /// The plant asked for, and its state.
    public let near: Plant?
    public let candidates: [Candidate]

    /// The number of candidates listed unless `--all` is given.
    public static let defaultLimit = 20

    /// - Parameters:
    ///   - near: a plant (name or id prefix): people whose home plant is in its state come first.
    ///   - limit: how many of the best candidates (`FacilitatorRanking`'s order); nil for everyone.
    ///     The best few are found from the facilitators' rows alone (people who only attended are
    ///     read only when fewer taught); everyone means every participation of the workshop.
    public static func load(_ store: FormationStore, workshop: String, near: String?, limit: Int? = defaultLimit,
                            now: Int64 = Counting.now()) throws -> WorkshopFacilitators {
        let entry = try store.workshop(WorkshopRef(parsing: workshop))
        let plant = try near.map { query -> Plant in
            let id = try store.resolve(.plant, query)
            guard let plant = try store.plant(id) else { throw LookupError.notFound(kind: .plant, query: query) }
            return plant
        }
        return try store.reading { tx in
            var dates = try CandidateDates(tx, ref: entry.ref)
            var candidates: [FacilitatorCandidate] = []
            var people: [EntityID: FacilitatorPerson] = [:]
            // Prior learning recognised: few people a workshop, all read; ranked after those who taught.
            let qualified = Set(try tx.qualifications(ofWorkshop: entry.ref).map(\.person))
            func candidate(_ tally: FacilitatorTally, _ person: FacilitatorPerson?) throws -> FacilitatorCandidate {
                FacilitatorCandidate(person: tally.person, name: person?.name ?? "", state: person?.plantState, taught: tally.taught,
                                     attended: tally.attended, lastTaught: try dates.day(tally.lastTaught),
                                     lastAttended: try dates.day(tally.lastAttended), qualified: qualified.contains(tally.person))
            }
            var tallies: [FacilitatorTally] = []
            if let limit {
                tallies = try bestTallies(tx, ref: entry.ref, near: plant, limit: limit, now: now)
            } else {
                try tx.everyFacilitatorCandidate(ofWorkshop: entry.ref, now: now) { tally, person in
                    people[tally.person] = person
                    tallies.append(tally)
                }
            }
            let unlisted = qualified.subtracting(tallies.map(\.person)).sorted()
            let attendance = try tx.attendance(ofWorkshop: entry.ref, people: unlisted)
            tallies += unlisted.map { person in
                FacilitatorTally(person: person, taught: 0, attended: attendance[person]?.count ?? 0, lastTaught: nil,
                                 lastAttended: attendance[person]?.last)
            }
            people.merge(try tx.facilitatorPeople(Set(tallies.map(\.person)).subtracting(people.keys))) { kept, _ in kept }
            candidates = try tallies.map { try candidate($0, people[$0.person]) }
            var ranked = FacilitatorRanking.ranked(candidates, nearState: plant?.state)
            if let limit, ranked.count > limit { ranked.removeLast(ranked.count - limit) }
            let listed = ranked.map { candidate in
                Candidate(candidate: candidate, plantName: people[candidate.person]?.plantName,
                          plantID: people[candidate.person]?.plantID, near: candidate.isNear(plant?.state))
            }
            return WorkshopFacilitators(workshop: entry, near: plant, candidates: listed)
        }
    }

    /// The tallies of the best `limit` candidates, and of everyone tied with the last of them: tier by
    /// tier in `FacilitatorRanking`'s order (near teachers, near learners, far teachers, far learners;
    /// without `near`, teachers then learners), each tier read in SQL order until `limit` is reached.
    /// SQL orders by the start of the last session and the ranking by its local day: rows within two
    /// days of the last one kept are read too, so that ties on the day are settled by the ranking.
    private static func bestTallies(_ tx: ScheduleTransaction, ref: WorkshopRef, near: Plant?, limit: Int,
                                    now: Int64) throws -> [FacilitatorTally] {
        var scopes: [FacilitatorScope] = [.everyone]
        if let near {
            let wanted = near.state.trimmed.lowercased()
            let states = try tx.plantStates().filter { $0.trimmed.lowercased() == wanted }
            scopes = [.inStates(states), .outsideStates(states)]
        }
        let margin: Int64 = 2 * 86_400
        var result: [FacilitatorTally] = []
        for scope in scopes {
            guard result.count < limit else { break }
            let need = limit - result.count
            var count = 0
            var edge: FacilitatorTally?
            var teachers = try tx.teachers(ofWorkshop: ref, now: now, scope: scope) { tally in
                if count < need {
                    count += 1
                    edge = tally
                    return true
                }
                guard let edge, tally.taught == edge.taught else { return false }
                return (tally.lastTaught ?? .min) >= (edge.lastTaught ?? .min) - margin
            }
            let attendance = try tx.attendance(ofWorkshop: ref, people: teachers.map(\.person))
            for i in teachers.indices {
                if let (count, last) = attendance[teachers[i].person] {
                    teachers[i].attended = count
                    teachers[i].lastAttended = last
                }
            }
            result += teachers
            guard result.count < limit else { break }
            let stillNeeded = limit - result.count
            count = 0
            edge = nil
            result += try tx.learnersOnly(ofWorkshop: ref, now: now, scope: scope) { tally in
                if count < stillNeeded {
                    count += 1
                    edge = tally
                    return true
                }
                guard let edge else { return false }
                return (tally.lastAttended ?? .min) >= (edge.lastAttended ?? .min) - margin
            }
        }
        return result
    }
}

/// Local days of the last sessions in a facilitator list, on the clock of each session's battle:
/// with one time zone for every battle (the usual case) no session is looked up.
struct CandidateDates {
    private let tx: ScheduleTransaction
    private let ref: WorkshopRef
    private let only: LocalClock?
    private var clocks: [String: LocalClock] = [:]
    /// Sessions start at a few times a day: `--all` converts ~200,000 instants, ~20,000 of them distinct.
    private var days: [Int64: CivilDate] = [:]

    init(_ tx: ScheduleTransaction, ref: WorkshopRef) throws {
        self.tx = tx
        self.ref = ref
        let zones = try tx.battleTimeZones()
        only = zones.count == 1 ? try LocalClock(timeZone: zones[0]) : nil
    }

    mutating func day(_ start: Int64?) throws -> CivilDate? {
        guard let start else { return nil }
        if let day = days[start] { return day }
        if let only {
            let day = only.local(start).date
            days[start] = day
            return day
        }
        guard let zone = try tx.timeZone(ofWorkshop: ref, sessionAt: start) else { return nil }
        if clocks[zone] == nil { clocks[zone] = try LocalClock(timeZone: zone) }
        return clocks[zone]?.local(start).date
    }
}
