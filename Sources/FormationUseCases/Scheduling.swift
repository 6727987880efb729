public import FormationDomain
public import FormationStorage
internal import Foundation

/// A change refused because of conflicts: every hard one, and the soft ones not forced.
public struct ScheduleRefused: Error, Sendable, Equatable {
    public let conflicts: [ScheduleConflict]
    /// The names the conflicts' messages need.
    public let names: PersonNames
}

/// What a successful change did: its new ids, the soft conflicts it recorded because of `--force`,
/// and notes for the person (a time that happens twice, taken as the first).
public struct ScheduleOutcome: Sendable, Equatable {
    public let ids: [EntityID]
    public let recorded: [ScheduleConflict]
    /// The names the recorded conflicts' messages need.
    public var names = PersonNames()
    public var notes: [Message] = []
}

/// Planning a battle's learning space: sessions, shifts, attendance, conflict checks.
public struct Scheduling: Sendable {
    public let store: FormationStore

    public init(store: FormationStore) { self.store = store }

    // MARK: Sessions

    /// Schedules a session of `workshop` in `battle` with its facilitators.
    ///
    /// - Throws: `ScheduleRefused` for a hard conflict, or a soft one without `force`;
    ///   `LookupError`/`DomainError` for unknown references and bad times.
    public func addSession(battle: String, workshop: String, start: String, end: String, place: String,
                           facilitators: [String], force: Bool) throws -> ScheduleOutcome {
        let battleID = try store.resolve(.battle, battle)
        let entry = try store.workshop(WorkshopRef(parsing: workshop))
        if entry.retired {
            throw RetiredWorkshop(workshop: entry.ref, version: try store.curriculumHeader(entry.curriculum)?.version ?? 0)
        }
        let people = try unique(facilitators.map { try store.resolve(.person, $0) })
        return try store.inScheduleTransaction { tx in
            guard let battle = try tx.battle(battleID) else { throw LookupError.notFound(kind: .battle, query: battleID.rawValue) }
            let clock = try LocalClock(timeZone: battle.timeZone)
            let times = try span(start, end, clock)
            let (spelled, placeNote) = try Self.battlePlace(place, battleID, tx)
            let session: Session
            do throws(DomainError) {
                session = try Session(id: .random(), battle: battleID, workshop: entry.ref, start: times.start, end: times.end, place: spelled)
            } catch {
                throw error.timed(start: times.typed.start, end: times.typed.end)
            }
            let bookings = people.map { ScheduleContext.Booking(person: $0, role: .facilitator) }
            let (conflicts, names) = try insert(session, bookings, battle: battle, clock: clock, force: force, tx)
            return ScheduleOutcome(ids: [session.id], recorded: conflicts, names: names, notes: times.notes + [placeNote].compactMap { $0 })
        }
    }

    /// Judges `session` with its people registered (facilitators and participants) by every rule,
    /// refuses it on a hard conflict or a soft one not forced, else stores it with their
    /// registrations and the soft conflicts forced. `session add`'s rules, shared with `battle plan --apply`.
    func insert(_ session: Session, _ bookings: [ScheduleContext.Booking], battle: Battle, clock: LocalClock, force: Bool,
                _ tx: ScheduleTransaction) throws -> (conflicts: [ScheduleConflict], names: PersonNames) {
        let found = try conflicts(of: session, bookings: bookings, battle: battle, clock: clock, tx)
        let conflicts = found?.conflicts ?? [], names = found?.names ?? PersonNames()
        try refuseUnlessAllowed(conflicts, names, force: force)
        try tx.insert(session)
        for booking in bookings {
            try tx.upsert(Participation(session: session.id, person: booking.person, role: booking.role, status: .registered))
        }
        for conflict in conflicts where conflict.isRecorded { try tx.record(conflict.recorded(on: session.id)) }
        return (conflicts, names)
    }

    /// Cancels a session: it stays in the record (with its participations) but frees its people and place.
    ///
    /// - Returns: the session, how many people it had, and whether it was cancelled already (then
    ///   nothing changes: not an error).
    public func cancel(session: String) throws -> CancelOutcome {
        let id = try store.resolve(.session, session)
        return try store.inScheduleTransaction { tx in
            guard let session = try tx.session(id) else { throw LookupError.notFound(kind: .session, query: id.rawValue) }
            guard let battle = try tx.battle(session.battle) else { throw LookupError.notFound(kind: .battle, query: session.battle.rawValue) }
            if !session.cancelled { try tx.setCancelled(id, true) }
            return CancelOutcome(session: label(session, try LocalClock(timeZone: battle.timeZone)),
                                 people: try tx.participations(of: id).count, alreadyCancelled: session.cancelled)
        }
    }

    // MARK: Attendance

    /// Registers people in a session, or records whether they came: each entry is a name or id
    /// prefix with its status (and, from a typed sheet, its line and role). An entry without a
    /// status keeps the person's, or registers someone new.
    ///
    /// Everyone keeps their role in the session: a facilitator on the sign-in sheet is marked as
    /// facilitator. `role` changes the role of everyone listed, and the outcome names each change;
    /// people new to the session take `role`, else the sheet's role, else participant.
    ///
    /// - Throws: `AttendanceProblems` listing together every name that matches nobody (or several
    ///   people) and every sheet row whose role differs from the session's; `AttendanceRefused` for a
    ///   cancelled session; `ScheduleRefused` for conflicts. Nothing is half-applied.
    public func attend(session: String, entries: [AttendanceEntry], role: Role?, force: Bool) throws -> AttendanceOutcome {
        let sessionID = try store.resolve(.session, session)
        let resolved = try resolve(entries)
        let order = resolved.order
        return try store.inScheduleTransaction { tx in
            guard let session = try tx.session(sessionID) else { throw LookupError.notFound(kind: .session, query: session) }
            guard !session.cancelled else { throw AttendanceRefused.cancelled(session: sessionID) }
            guard let battle = try tx.battle(session.battle) else { throw LookupError.notFound(kind: .battle, query: session.battle.rawValue) }
            let clock = try LocalClock(timeZone: battle.timeZone)
            let existing = try tx.participations(of: sessionID)
            let roles = try roles(of: resolved, existing: existing, explicit: role)
            let statuses = resolved.statuses(keeping: existing)
            // Each person listed, with the role and status to record: both are worked out for every entry.
            let marks = order.compactMap { person -> Participation? in
                guard let role = roles.roles[person], let status = statuses[person] else { return nil }
                return Participation(session: sessionID, person: person, role: role, status: status)
            }
            let present = marks.filter { $0.status != .absent }.map(\.person)
            var bookings = existing
                .filter { $0.participation.status != .absent && statuses[$0.participation.person] == nil }
                .map { ScheduleContext.Booking(person: $0.participation.person, role: $0.participation.role) }
            bookings += marks.filter { $0.status != .absent }.map { ScheduleContext.Booking(person: $0.person, role: $0.role) }
            // Marking people absent cannot create a conflict; only those who come are checked, and
            // only for conflicts about them (by id: two people may share a name) or the session's size.
            // Conflicts forced earlier for this session (and so recorded) were answered already.
            let answered = Set(try tx.recordedConflicts(ofSession: sessionID))
            let coming = Set(present)
            let everyone = Set(existing.map(\.participation.person))
            let found = present.isEmpty ? nil
                : try conflicts(of: session, bookings: bookings, everyone: everyone, battle: battle, clock: clock, tx)
            let names = found?.names ?? PersonNames()
            let conflicts = (found?.conflicts ?? []).filter { conflict in
                let concerns = conflict.person.map(coming.contains) ?? (conflict.kind == .overCapacity)
                return concerns && !answered.contains(conflict.recorded(on: sessionID))
            }
            try refuseUnlessAllowed(conflicts, names, force: force)
            for participation in marks { try tx.upsert(participation) }
            for conflict in conflicts where conflict.isRecorded { try tx.record(conflict.recorded(on: sessionID)) }
            return AttendanceOutcome(schedule: ScheduleOutcome(ids: [sessionID], recorded: conflicts, names: names),
                                     statuses: marks.map(\.status), roleChanges: roles.changes, facilitators: roles.facilitators)
        }
    }

    // MARK: Checking

    /// Every conflict of every session of `battle` that is not cancelled.
    ///
    /// Reads the whole battle once and judges every session in memory (`conflicts(ofBattle:…)`).
    /// The conflicts alone: `checkReport(battle:)` adds which were forced.
    public func check(battle: String) throws -> [SessionConflicts] {
        let battleID = try store.resolve(.battle, battle)
        return try store.reading { tx in
            guard let battle = try tx.battle(battleID) else { return [] }
            let clock = try LocalClock(timeZone: battle.timeZone)
            return try conflicts(ofBattle: battle, clock: clock, sessions: tx.sessionsWithNames(ofBattle: battleID), tx).conflicts
        }
    }

    func refuseUnlessAllowed(_ conflicts: [ScheduleConflict], _ names: PersonNames, force: Bool) throws {
        let blocking = conflicts.filter { $0.kind.refuses && ($0.isHard || !force) }
        if !blocking.isEmpty { throw ScheduleRefused(conflicts: blocking, names: names) }
    }

    static func battlePlace(_ place: String, _ battle: EntityID, _ tx: ScheduleTransaction) throws -> (String, Message?) {
        let typed = NameFolding.composed(place), key = NameFolding.key(typed)
        guard let known = try tx.places(ofBattle: battle).first(where: { NameFolding.key($0) == key }), known != typed else {
            return (typed, nil)
        }
        return (known, Message(.placeSpelledAs, typed, known))
    }

    /// Both times on the battle's clock, and as typed (normalised) for messages. The end must come
    /// after the start: said with the times as typed, never as seconds since 1970. A time the clocks
    /// skip is refused; one they show twice is taken as the first, with a note.
    func span(_ start: String, _ end: String, _ clock: LocalClock) throws(DomainError)
        -> (start: Int64, end: Int64, notes: [Message], typed: (start: String, end: String)) {
        let from = try LocalDateTime(typed: start), to = try LocalDateTime(typed: end)
        // First occurrences keep the order of the wall-clock times, so `from < to` holds for the instants too.
        let first = try clock.resolve(from), last = try clock.resolve(to)
        guard from < to, first.instant < last.instant else { throw .datesOutOfOrder(start: from.description, end: to.description) }
        return (first.instant, last.instant, [first.note, last.note].compactMap { $0 }, (from.description, to.description))
    }

    /// `span` for an edit: a side not given stays as it was, and a new start alone keeps the length.
    func span(changing start: String?, _ end: String?, from old: (start: Int64, end: Int64), _ clock: LocalClock) throws(DomainError)
        -> (start: Int64, end: Int64, notes: [Message], typed: (start: String, end: String)) {
        let startText = start ?? clock.local(old.start).description
        var endText = end ?? clock.local(old.end).description
        if start != nil, end == nil {
            endText = clock.local(try clock.resolve(LocalDateTime(typed: startText)).instant + old.end - old.start).description
        }
        return try span(startText, endText, clock)
    }

    /// Every conflict of `battle`, each marked forced or not by the one identity of a recorded
    /// conflict (`ScheduleConflict.recorded(on:)`): what `battle check` shows, as `battle report` does.
    public func checkReport(battle: String) throws -> [BattleReport.SessionConflictReport] {
        try checkBattle(battle: battle).conflicts
    }

    /// `battle check`: `checkReport(battle:)`, and the prerequisites met only by a planned session.
    public func checkBattle(battle: String) throws -> BattleCheck {
        let battleID = try store.resolve(.battle, battle)
        return try store.reading { tx in
            guard let battle = try tx.battle(battleID) else { return BattleCheck(conflicts: [], planned: [], names: PersonNames(), order: []) }
            let clock = try LocalClock(timeZone: battle.timeZone)
            let sessions = try tx.sessionsWithNames(ofBattle: battleID)
            let judgement = try conflicts(ofBattle: battle, clock: clock, sessions: sessions, tx)
            return BattleCheck(conflicts: BattleReport.marking(judgement.conflicts, forced: try tx.recordedConflicts(ofBattle: battleID)),
                               planned: judgement.planned, names: judgement.names, order: sessions.map(\.session.id))
        }
    }

    func label(_ session: Session, _ clock: LocalClock) -> SessionLabel {
        SessionLabel(id: session.id, workshop: session.workshop.description, place: session.place,
                     when: clock.label(start: session.start, end: session.end))
    }

    func unique(_ ids: [EntityID]) -> [EntityID] {
        var seen = Set<EntityID>()
        return ids.filter { seen.insert($0).inserted }
    }
}

/// What `battle check` finds: every conflict, marked forced or not, and the prerequisites that
/// participants meet only by a registration in an earlier session of the battle.
public struct BattleCheck: Sendable, Equatable {
    public let conflicts: [BattleReport.SessionConflictReport]
    public let planned: [PlannedPrerequisite]
    /// The names the planned prerequisites' messages need.
    public let names: PersonNames
    /// The battle's sessions in the order both lists keep (start, place, id).
    public let order: [EntityID]

    /// Each session with conflicts or planned prerequisites, in the battle's order.
    public var sessions: [(id: EntityID, label: SessionLabel, conflicts: BattleReport.SessionConflictReport?, planned: [PlannedPrerequisite])] {
        let conflicted = Dictionary(conflicts.map { ($0.session.id, $0) }) { first, _ in first }
        let planning = Dictionary(grouping: planned, by: \.session.id)
        return order.compactMap { id in
            let found = conflicted[id], plans = planning[id] ?? []
            guard let label = found?.label ?? plans.first?.session else { return nil }
            return (id, label, found, plans)
        }
    }
}

/// A workshop a later version of its pack dropped: it stays for what used it, not for new sessions.
public struct RetiredWorkshop: Error, Sendable, Equatable, LocalizedFailure {
    public let workshop: WorkshopRef
    /// The curriculum's version now.
    public let version: Int
    public var message: Message { Message(.workshopRetired, workshop.description, String(version)) }
}

