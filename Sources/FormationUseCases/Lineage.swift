public import FormationDomain
public import FormationStorage
internal import Foundation

/// The teaching tree of one workshop (issue 8), with what views need to name its people and battles.
public struct WorkshopLineage: Sendable {
    public let workshop: WorkshopEntry
    public let lineage: TeachingLineage
    public let names: [EntityID: String]
    public let battles: [EntityID: BattleEntry]

    /// - Parameters:
    ///   - workshop: `curriculum/workshop`, or a bare workshop id that only one curriculum has.
    ///   - now: seconds since 1970; a session teaches only once it has ended.
    public static func load(_ store: FormationStore, workshop: String, now: Int64 = Counting.now()) throws -> WorkshopLineage {
        let entry = try store.workshop(WorkshopRef(parsing: workshop))
        return try store.reading { tx in
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
            return WorkshopLineage(workshop: entry, lineage: TeachingLineage(sessions: lineageSessions), names: names, battles: battles)
        }
    }

    public func name(_ id: EntityID) -> String { names[id] ?? id.short }
    public func battleName(_ id: EntityID) -> String { battles[id]?.battle.name ?? id.short }
}

/// Who can teach a workshop (issue 8): everyone who taught it or attended it, ranked.
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
