public import FormationDomain
public import FormationStorage
internal import Foundation

// What `ConflictEngine` needs about a whole battle, for `battle check`, `battle report` and the
// import of battle records: the battle's sessions, people, shifts, what its people attended and
// taught, and the other battles' sessions they are in, read once with a few set-based queries.
// The engine judges; nothing here does.

extension LocalClock: BattleCalendar {}

extension Scheduling {
    /// Every conflict of every session not cancelled of `battle`, whose sessions (all of them, with
    /// everyone in them by name and id) are `sessions`, as `ScheduleTransaction.sessionsWithNames(ofBattle:)`
    /// returns them.
    ///
    /// Also returns what the people booked here learned and taught anywhere: the report finds its new
    /// facilitators in it.
    ///
    /// - Throws: `LookupError.notFound(kind: .workshop)` for the first session whose workshop is not stored.
    func conflicts(ofBattle battle: Battle, clock: LocalClock, sessions: [(session: Session, people: [ParticipationEntry])],
                   _ tx: ScheduleTransaction) throws -> (conflicts: [SessionConflicts], knowledge: PeopleKnowledge) {
        let live = sessions.filter { !$0.session.cancelled }
        guard let start = live.map(\.session.start).min(), let end = live.map(\.session.end).max() else {
            return ([], PeopleKnowledge())
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
            judged.append(BattleSchedule.Judged(session: session, bookings: bookings, everyone: Set(people.map(\.participation.person)),
                                                maxParticipants: workshop.maxParticipants, prerequisites: workshop.prerequisites))
        }
        let (knowledge, shared) = try tx.participations(of: booked, battle: battle.id, overlapping: start, end)
        let schedule = BattleSchedule(
            battle: battle, judged: judged, others: shared.map { ($0.session, $0.people) },
            shifts: try tx.shifts(ofEach: booked, overlapping: start, end), experience: knowledge.experience, names: PersonNames(names))
        return (ConflictEngine.conflicts(in: schedule, calendar: clock), knowledge)
    }

    /// The conflicts `session` would have with `bookings` (who would be in it and count), against
    /// everything stored: what `session add`, `attend` and `shift add` ask before writing.
    ///
    /// - Throws: `LookupError.notFound(kind: .workshop)` when the session's workshop is not stored.
    func conflicts(of session: Session, bookings: [ScheduleContext.Booking], everyone: Set<EntityID> = [], battle: Battle,
                   clock: LocalClock, _ tx: ScheduleTransaction) throws -> SessionConflicts? {
        let workshop = try Self.limits(of: session, tx)
        let people = Set(bookings.map(\.person))
        let others = try tx.sessionsOverlapping(start: session.start, end: session.end)
        var shifts: [EntityID: [(start: Int64, end: Int64)]] = [:]
        for shift in try tx.shifts(of: people, overlapping: session.start, session.end) {
            shifts[shift.person, default: []].append((shift.start, shift.end))
        }
        let judged = BattleSchedule.Judged(session: session, bookings: bookings, everyone: everyone,
                                           maxParticipants: workshop.maxParticipants, prerequisites: workshop.prerequisites)
        let schedule = BattleSchedule(battle: battle, judged: [judged], others: others, shifts: shifts,
                                      experience: try tx.experience(of: people), names: PersonNames(try tx.names(people)))
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
