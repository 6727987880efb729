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
            let rows = try tx.teachingSessions(ofWorkshop: entry.ref, now: now)
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
            var sessions: [LineageSession] = []
            sessions.reserveCapacity(rows.count)
            for row in rows {
                guard !row.teachers.isEmpty || !row.attended.isEmpty, let clock = clocks[row.battle] else { continue }
                // Of those who attended, only the people who teach the workshop are named.
                var learners: [EntityID] = []
                if !teacherKeys.isEmpty {
                    for key in row.attended { if let id = teacherKeys[key] { learners.append(id) } }
                    // By name, as `--learners` lists people (co-facilitators too, below).
                    if learners.count > 1 { learners.sort { (names[$0] ?? "", $0) < (names[$1] ?? "", $1) } }
                }
                var teachers = row.teachers
                if teachers.count > 1 { teachers.sort { (names[$0] ?? "", $0) < (names[$1] ?? "", $1) } }
                sessions.append(LineageSession(id: row.session, battle: row.battle, start: row.start, date: clock.local(row.start).date,
                                               teachers: teachers, learners: learners, attended: row.attended.count))
            }
            return WorkshopLineage(workshop: entry, lineage: TeachingLineage(sessions: sessions), names: names, battles: battles,
                                   allLearners: false)
        }
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

    /// - Parameters:
    ///   - near: a plant (name or id prefix): people whose home plant is in its state come first.
    public static func load(_ store: FormationStore, workshop: String, near: String?,
                            now: Int64 = Counting.now()) throws -> WorkshopFacilitators {
        let entry = try store.workshop(WorkshopRef(parsing: workshop))
        let plant = try near.map { query -> Plant in
            let id = try store.resolve(.plant, query)
            guard let plant = try store.plant(id) else { throw LookupError.notFound(kind: .plant, query: query) }
            return plant
        }
        return try store.reading { tx in
            let sessions = try tx.sessionsWithPeople(ofWorkshop: entry.ref)
            let battles = try tx.battles(Set(sessions.map(\.session.battle)))
            var clocks: [EntityID: LocalClock] = [:]
            for (id, battle) in battles { clocks[id] = try LocalClock(timeZone: battle.battle.timeZone) }
            struct Tally { var name = "", plantName: String? = nil, plantID: EntityID? = nil, state: String? = nil, taught = 0, attended = 0, lastTaught: CivilDate? = nil, lastAttended: CivilDate? = nil }
            var tallies: [EntityID: Tally] = [:]
            for (session, rows) in sessions {
                guard let clock = clocks[session.battle] else { continue }
                let day = clock.local(session.start).date
                for row in rows {
                    let p = row.participation
                    let taught = Counting.taught(role: p.role, status: p.status, session: session, now: now)
                    let attended = Counting.attended(role: p.role, status: p.status, session: session)
                    guard taught || attended else { continue }
                    var tally = tallies[p.person] ?? Tally(name: row.name, plantName: row.plantName, plantID: row.plantID, state: row.plantState)
                    if taught {
                        tally.taught += 1
                        tally.lastTaught = max(tally.lastTaught ?? day, day)
                    } else {
                        tally.attended += 1
                        tally.lastAttended = max(tally.lastAttended ?? day, day)
                    }
                    tallies[p.person] = tally
                }
            }
            let candidates = tallies.map { id, tally in
                FacilitatorCandidate(person: id, name: tally.name, state: tally.state, taught: tally.taught, attended: tally.attended,
                                     lastTaught: tally.lastTaught, lastAttended: tally.lastAttended)
            }
            let ranked = FacilitatorRanking.ranked(candidates, nearState: plant?.state).map { candidate in
                Candidate(candidate: candidate, plantName: tallies[candidate.person]?.plantName,
                          plantID: tallies[candidate.person]?.plantID, near: candidate.isNear(plant?.state))
            }
            return WorkshopFacilitators(workshop: entry, near: plant, candidates: ranked)
        }
    }
}
