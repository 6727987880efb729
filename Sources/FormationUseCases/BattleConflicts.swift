public import FormationDomain
public import FormationStorage
internal import Foundation

// What `ConflictEngine` needs about a whole battle, for `battle check`, `battle report` and the
// import of battle records: the battle's sessions, people, shifts, what its people attended and
// taught, and the other battles' sessions they are in, read once with a few set-based queries.
// The engine judges; nothing here does.

extension LocalClock: BattleCalendar {}

/// A whole battle judged: its conflicts, what its people learned and taught anywhere (the report
/// finds its new facilitators in it), and the prerequisites met only by a planned session.
struct BattleJudgement {
    let conflicts: [SessionConflicts]
    let knowledge: PeopleKnowledge
    let planned: [PlannedPrerequisite]
    /// The names the planned prerequisites' messages need.
    let names: PersonNames
}

extension Scheduling {
    /// Every conflict of every session not cancelled of `battle`, whose sessions (all of them, with
    /// everyone in them by name and id) are `sessions`, as `ScheduleTransaction.sessionsWithNames(ofBattle:)`
    /// returns them.
    ///
    /// Also returns what the people booked here learned and taught anywhere: the report finds its new
    /// facilitators in it.
    ///
    /// - Throws: `LookupError.notFound(kind: .workshop)` for the first session whose workshop is not stored.
    ///
    /// With `hardOnly` only the hard conflicts are asked for (a battle record's import): nobody's
    /// experience or shifts are read, and only hard conflicts are returned.
    func conflicts(ofBattle battle: Battle, clock: LocalClock, sessions: [(session: Session, people: [ParticipationEntry])],
                   _ tx: ScheduleTransaction, hardOnly: Bool = false) throws -> BattleJudgement {
        let live = sessions.filter { !$0.session.cancelled }
        guard let start = live.map(\.session.start).min(), let end = live.map(\.session.end).max() else {
            return BattleJudgement(conflicts: [], knowledge: PeopleKnowledge(), planned: [], names: PersonNames())
        }

        // The workshops are read in session order, so that a missing one is reported for the first
        // session that uses it; each once.
        var limits: [WorkshopRef: WorkshopLimits] = [:]
        var judged: [BattleSchedule.Judged] = []
        var names: [EntityID: String] = [:]
        var booked = Set<EntityID>()
        for (session, people) in live {
            for entry in people { names[entry.participation.person] = entry.name }
            let bookings = Self.bookings(people)
            booked.formUnion(bookings.map(\.person))
            let workshop = try limits[session.workshop] ?? Self.limits(of: session, tx)
            limits[session.workshop] = workshop
            var entry = BattleSchedule.Judged(session: session, bookings: bookings, everyone: Set(people.map(\.participation.person)),
                                              maxParticipants: workshop.maxParticipants, prerequisites: workshop.prerequisites)
            Self.describe(&entry, workshop, people)
            judged.append(entry)
        }
        let shared = try tx.sharedSessions(of: booked, battle: battle.id, overlapping: start, end)
        var knowledge = PeopleKnowledge()
        if !hardOnly {
            // Only what the rules ask: for each facilitator their session's workshop, for each
            // participant its prerequisites.
            var asked: [(person: EntityID, workshop: WorkshopRef)] = []
            var facilitators = Set<EntityID>()
            for entry in judged {
                let prerequisites = entry.prerequisites.map { prerequisite in
                    entry.session.workshop.curriculum.map { prerequisite.qualified(in: $0) } ?? prerequisite
                }
                for booking in entry.bookings {
                    if booking.role == .facilitator {
                        facilitators.insert(booking.person)
                        asked.append((booking.person, entry.session.workshop))
                    } else {
                        for prerequisite in prerequisites { asked.append((booking.person, prerequisite)) }
                    }
                }
            }
            let last = live.map(\.session.start).max() ?? start
            knowledge = try tx.knowledge(asked: asked, facilitators: facilitators, people: booked, battle: battle.id, from: start, to: last)
        }
        for (session, people) in live {
            for entry in people where LearningRules.planned(role: entry.participation.role, status: entry.participation.status) {
                knowledge.experience.addPlanned(entry.participation.person, session.workshop, session: session.id, end: session.end)
            }
        }
        let schedule = BattleSchedule(
            battle: battle, judged: judged, others: shared.map { ($0.session, $0.people) },
            shifts: hardOnly ? [:] : try tx.shifts(ofEach: booked, overlapping: start, end), experience: knowledge.experience,
            names: PersonNames(names))
        if hardOnly {
            let hard = ConflictEngine.conflicts(in: schedule, calendar: clock).compactMap { entry -> SessionConflicts? in
                let kept = entry.conflicts.filter(\.isHard)
                return kept.isEmpty ? nil : SessionConflicts(session: entry.session, label: entry.label, conflicts: kept, names: entry.names)
            }
            return BattleJudgement(conflicts: hard, knowledge: knowledge, planned: [], names: schedule.names)
        }
        return BattleJudgement(conflicts: ConflictEngine.conflicts(in: schedule, calendar: clock), knowledge: knowledge,
                               planned: ConflictEngine.plannedPrerequisites(in: schedule, calendar: clock), names: schedule.names)
    }

    /// The workshop's length and minimum, and, once the session was held, how many participants came.
    /// Held is read from the attendance, never from today's date (`battle check` answers the same on
    /// any day): someone marked attended, or every participant marked absent. Marking one person absent
    /// ahead of time is planning, not a session held.
    private static func describe(_ judged: inout BattleSchedule.Judged, _ workshop: WorkshopLimits, _ people: [ParticipationEntry]?) {
        judged.minutes = workshop.minutes
        judged.minParticipants = workshop.minParticipants
        guard let people else { return }
        let statuses = people.filter { $0.participation.role == .participant }.map(\.participation.status)
        let came = statuses.count { $0 == .attended }
        if came > 0 || (!statuses.isEmpty && statuses.allSatisfy { $0 == .absent }) { judged.attendedParticipants = came }
    }

    /// The conflicts `session` would have with `bookings` (who would be in it and count), against
    /// everything stored: what `session add`, `attend` and `shift add` ask before writing.
    ///
    /// - Parameter attendance: everyone in the session with their status, to judge whether it was held
    ///   below its minimum (`battle check`'s question; a change never stops for it). Nil: not judged.
    /// - Throws: `LookupError.notFound(kind: .workshop)` when the session's workshop is not stored.
    func conflicts(of session: Session, bookings: [ScheduleContext.Booking], everyone: Set<EntityID> = [],
                   attendance: [ParticipationEntry]? = nil, battle: Battle,
                   clock: LocalClock, _ tx: ScheduleTransaction) throws -> SessionConflicts? {
        let workshop = try Self.limits(of: session, tx)
        let people = Set(bookings.map(\.person))
        let others = try tx.sessionsOverlapping(start: session.start, end: session.end)
        var shifts: [EntityID: [(start: Int64, end: Int64)]] = [:]
        for shift in try tx.shifts(of: people, overlapping: session.start, session.end) {
            shifts[shift.person, default: []].append((shift.start, shift.end))
        }
        var judged = BattleSchedule.Judged(session: session, bookings: bookings, everyone: everyone,
                                           maxParticipants: workshop.maxParticipants, prerequisites: workshop.prerequisites)
        Self.describe(&judged, workshop, attendance)
        let schedule = BattleSchedule(battle: battle, judged: [judged], others: others, shifts: shifts,
                                      experience: try tx.experience(of: people, plannedIn: battle.id), names: PersonNames(try tx.names(people)))
        return ConflictEngine.conflicts(in: schedule, calendar: clock).first
    }

    /// Who counts in a session (everyone not marked absent), facilitators first, then by name and id.
    static func bookings(_ people: [ParticipationEntry]) -> [ScheduleContext.Booking] {
        bookings(people.map(\.participation))
    }

    static func bookings(_ people: [Participation]) -> [ScheduleContext.Booking] {
        let present = people.filter { $0.status != .absent }
        return (present.filter { $0.role == .facilitator } + present.filter { $0.role == .participant })
            .map { ScheduleContext.Booking(person: $0.person, role: $0.role) }
    }

    private static func limits(of session: Session, _ tx: ScheduleTransaction) throws -> WorkshopLimits {
        guard let curriculum = session.workshop.curriculum, let found = try tx.workshopLimits(curriculum, session.workshop.workshop) else {
            throw LookupError.notFound(kind: .workshop, query: session.workshop.description)
        }
        return found
    }
}
