public import FormationDomain
public import FormationStorage
internal import Foundation

/// A change refused because of conflicts: every hard one, and the soft ones not forced.
public struct ScheduleRefused: Error, Sendable, Equatable {
    public let conflicts: [ScheduleConflict]
}

/// What a successful change did: its new ids, and the soft conflicts it recorded because of `--force`.
public struct ScheduleOutcome: Sendable, Equatable {
    public let ids: [EntityID]
    public let recorded: [ScheduleConflict]
}

/// A session and every conflict it has now, for `battle check` and reports.
public struct SessionConflicts: Sendable, Equatable {
    public let session: Session
    public let label: SessionLabel
    public let conflicts: [ScheduleConflict]
}

/// Planning a battle's learning space (issue 7): sessions, shifts, attendance, conflict checks.
public struct Scheduling: Sendable {
    public let store: FormationStore
    /// The present, for deciding which sessions already happened; tests fix it.
    public var now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }

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
        let people = try unique(facilitators.map { try store.resolve(.person, $0) })
        return try store.inScheduleTransaction { tx in
            guard let battle = try tx.battle(battleID) else { throw LookupError.notFound(kind: .battle, query: battleID.rawValue) }
            let clock = try LocalClock(timeZone: battle.timeZone)
            let times = try span(start, end, clock)
            let session: Session
            do throws(DomainError) {
                session = try Session(id: .random(), battle: battleID, workshop: entry.ref, start: times.start, end: times.end, place: place)
            } catch {
                throw error.timed(start: times.typed.start, end: times.typed.end)
            }
            let bookings = people.map { ScheduleContext.Booking(person: $0, role: .facilitator) }
            let conflicts = try conflicts(of: session, bookings: bookings, battle: battle, clock: clock, tx)
            try refuseUnlessAllowed(conflicts, force: force)
            try tx.insert(session)
            for person in people {
                try tx.upsert(Participation(session: session.id, person: person, role: .facilitator, status: .registered))
            }
            for conflict in conflicts { try tx.record(conflict, session: session.id) }
            return ScheduleOutcome(ids: [session.id], recorded: conflicts)
        }
    }

    /// Cancels a session: it stays in the record (with its participations) but frees its people and place.
    public func cancel(session: String) throws {
        let id = try store.resolve(.session, session)
        try store.inScheduleTransaction { tx in try tx.setCancelled(id, true) }
    }

    /// Gives one repair shift to each of `people` (so a crew is one command).
    public func addShift(battle: String, people: [String], start: String, end: String) throws -> [EntityID] {
        let battleID = try store.resolve(.battle, battle)
        let persons = try unique(people.map { try store.resolve(.person, $0) })
        return try store.inScheduleTransaction { tx in
            guard let battle = try tx.battle(battleID) else { throw LookupError.notFound(kind: .battle, query: battleID.rawValue) }
            let clock = try LocalClock(timeZone: battle.timeZone)
            let (from, to, _) = try span(start, end, clock)
            var ids: [EntityID] = []
            for person in persons {
                let shift = try Shift(id: .random(), battle: battleID, person: person, start: from, end: to)
                try tx.insert(shift)
                ids.append(shift.id)
            }
            return ids
        }
    }

    // MARK: Attendance

    /// Registers people in a session, or records whether they came: each entry is a name or id
    /// prefix with its status.
    ///
    /// All people are resolved first: unknown names refuse the whole call, listed together
    /// (nothing half-applied).
    public func attend(session: String, entries: [(person: String, status: AttendanceStatus)], role: Role, force: Bool) throws -> ScheduleOutcome {
        let sessionID = try store.resolve(.session, session)
        var unknown: [String] = []
        var statuses: [EntityID: AttendanceStatus] = [:]
        var order: [EntityID] = []
        for entry in entries {
            do {
                let id = try store.resolve(.person, entry.person)
                if statuses.updateValue(entry.status, forKey: id) == nil { order.append(id) }
            } catch let error as LookupError {
                if case .notFound = error { unknown.append(entry.person) } else { throw error }
            }
        }
        guard unknown.isEmpty else { throw UnknownPeople(names: unknown) }
        return try store.inScheduleTransaction { tx in
            guard let session = try tx.session(sessionID) else { throw LookupError.notFound(kind: .session, query: session) }
            guard let battle = try tx.battle(session.battle) else { throw LookupError.notFound(kind: .battle, query: session.battle.rawValue) }
            let clock = try LocalClock(timeZone: battle.timeZone)
            let present = order.filter { statuses[$0] != .absent }
            var bookings = try tx.participations(of: sessionID)
                .filter { $0.participation.status != .absent && statuses[$0.participation.person] == nil }
                .map { ScheduleContext.Booking(person: $0.participation.person, role: $0.participation.role) }
            bookings += present.map { ScheduleContext.Booking(person: $0, role: role) }
            // Marking people absent cannot create a conflict; only those who come are checked.
            // Conflicts forced earlier for this session (and so recorded) were answered already.
            let answered = Set(try tx.recordedConflicts(ofSession: sessionID).map { "\($0.kind)\u{1F}\($0.arguments)" })
            let presentNames = Set(try tx.names(present).values)
            let conflicts = present.isEmpty ? [] : try conflicts(of: session, bookings: bookings, battle: battle, clock: clock, tx)
                .filter { relevant($0, to: presentNames) && !answered.contains("\($0.kind)\u{1F}\($0.textArguments)") }
            try refuseUnlessAllowed(conflicts, force: force)
            for person in order {
                try tx.upsert(Participation(session: sessionID, person: person, role: role, status: statuses[person]!))
            }
            for conflict in conflicts { try tx.record(conflict, session: sessionID) }
            return ScheduleOutcome(ids: [sessionID], recorded: conflicts)
        }
    }

    // MARK: Checking

    /// Every conflict of every session of `battle` that is not cancelled.
    ///
    /// Reads the whole battle once and judges every session in memory (`conflicts(ofBattle:…)`).
    public func check(battle: String) throws -> [SessionConflicts] {
        let battleID = try store.resolve(.battle, battle)
        return try store.reading { tx in
            guard let battle = try tx.battle(battleID) else { return [] }
            let clock = try LocalClock(timeZone: battle.timeZone)
            return try conflicts(ofBattle: battle, clock: clock, sessions: tx.sessionsWithNames(ofBattle: battleID), tx).conflicts
        }
    }

    /// `check(battle:)` session by session, with the queries `addSession` and `attend` use: the
    /// reference the batched check is tested against.
    func checkSessionBySession(battle: String) throws -> [SessionConflicts] {
        let battleID = try store.resolve(.battle, battle)
        return try store.reading { tx in
            guard let battle = try tx.battle(battleID) else { return [] }
            let clock = try LocalClock(timeZone: battle.timeZone)
            var result: [SessionConflicts] = []
            var workshops: [WorkshopRef: Workshop] = [:]  // one decode per workshop, not per session
            for entry in try tx.sessions(ofBattle: battleID, includeCancelled: false) {
                let bookings = try tx.participations(of: entry.session.id).filter { $0.participation.status != .absent }
                    .map { ScheduleContext.Booking(person: $0.participation.person, role: $0.participation.role) }
                let found = try conflicts(of: entry.session, bookings: bookings, battle: battle, clock: clock, tx, workshops: &workshops)
                if !found.isEmpty {
                    result.append(SessionConflicts(session: entry.session, label: label(entry.session, clock), conflicts: found))
                }
            }
            return result
        }
    }

    // MARK: Rules

    func conflicts(of session: Session, bookings: [ScheduleContext.Booking], battle: Battle, clock: LocalClock,
                   _ tx: ScheduleTransaction) throws -> [ScheduleConflict] {
        var workshops: [WorkshopRef: Workshop] = [:]
        return try conflicts(of: session, bookings: bookings, battle: battle, clock: clock, tx, workshops: &workshops)
    }

    /// - Parameter workshops: workshops already read, reused across the sessions of one check.
    func conflicts(of session: Session, bookings: [ScheduleContext.Booking], battle: Battle, clock: LocalClock,
                   _ tx: ScheduleTransaction, workshops: inout [WorkshopRef: Workshop]) throws -> [ScheduleConflict] {
        guard let curriculum = session.workshop.curriculum,
              let workshop = try workshops[session.workshop] ?? tx.curricula.storedWorkshop(curriculum, session.workshop.workshop) else {
            throw LookupError.notFound(kind: .workshop, query: session.workshop.description)
        }
        workshops[session.workshop] = workshop
        let people = Set(bookings.map(\.person))
        let neighbours = try tx.sessionsOverlapping(start: session.start, end: session.end)
            .filter { $0.session.id != session.id }
            .map { ScheduleContext.Neighbour(session: $0.session, label: label($0.session, clock), people: $0.people) }
        let participants = bookings.filter { $0.role == .participant }.map(\.person)
        let shifts = try tx.shifts(of: participants, overlapping: session.start, session.end).map {
            ScheduleContext.ShiftSpan(person: $0.person, start: $0.start, end: $0.end,
                                      startLabel: clock.local($0.start).description, endLabel: clock.local($0.end).description)
        }
        let attended = try tx.attended(by: people), taught = try tx.taught(by: people, before: now())
        let context = ScheduleContext(
            battle: battle, firstDay: clock.local(session.start).date, lastDay: clock.local(session.end - 1).date,
            workshop: workshop, workshopRef: session.workshop,
            prerequisites: workshop.prerequisites.map { $0.qualified(in: curriculum) },
            bookings: bookings, names: try tx.names(people), neighbours: neighbours, shifts: shifts,
            attended: merge(attended, taught), taught: taught)
        return ScheduleRules.conflicts(of: session, in: context)
    }

    /// When people join a session, only conflicts about them (or the session's size) are theirs to answer for.
    private func relevant(_ conflict: ScheduleConflict, to names: Set<String>) -> Bool {
        switch conflict {
        case .personDoubleBooked(let person, _), .onShift(let person, _, _), .missingPrerequisite(let person, _),
             .inexperiencedFacilitator(let person, _):
            return names.contains(person)
        case .overCapacity:
            return true
        case .outsideBattle, .placeDoubleBooked:
            return false
        }
    }

    private func refuseUnlessAllowed(_ conflicts: [ScheduleConflict], force: Bool) throws {
        let blocking = conflicts.filter { $0.isHard || !force }
        if !blocking.isEmpty { throw ScheduleRefused(conflicts: blocking) }
    }

    /// Both times on the battle's clock, and as typed (normalised) for messages. The end must come
    /// after the start, on the wall clock and as instants (a clock set back an hour can reverse
    /// them): said with the times as typed, never as seconds since 1970.
    private func span(_ start: String, _ end: String, _ clock: LocalClock) throws(DomainError)
        -> (start: Int64, end: Int64, typed: (start: String, end: String)) {
        let from = try LocalDateTime(parsing: start), to = try LocalDateTime(parsing: end)
        let (first, last) = (clock.instant(from), clock.instant(to))
        guard from < to, first < last else { throw .datesOutOfOrder(start: from.description, end: to.description) }
        return (first, last, (from.description, to.description))
    }

    func label(_ session: Session, _ clock: LocalClock) -> SessionLabel {
        SessionLabel(id: session.id, workshop: session.workshop.description, place: session.place,
                     when: clock.label(start: session.start, end: session.end))
    }

    private func merge(_ a: [EntityID: Set<WorkshopRef>], _ b: [EntityID: Set<WorkshopRef>]) -> [EntityID: Set<WorkshopRef>] {
        a.merging(b) { $0.union($1) }
    }

    private func unique(_ ids: [EntityID]) -> [EntityID] {
        var seen = Set<EntityID>()
        return ids.filter { seen.insert($0).inserted }
    }
}

/// Names on a sign-in sheet or command line that match nobody: listed together, nothing applied.
public struct UnknownPeople: Error, Sendable, Equatable, LocalizedFailure {
    public let names: [String]
    public var message: Message { Message(.unknownPeople, names.map(\.echoed).joined(separator: ", ")) }
}
