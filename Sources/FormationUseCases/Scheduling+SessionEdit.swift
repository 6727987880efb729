internal import FormationDomain
internal import FormationStorage

/// What `session edit` changes; nil leaves a field as it is.
public struct SessionChanges: Sendable, Equatable {
    /// Typed local times in the battle's zone. A new start alone keeps the session's length.
    public var start: String?
    public var end: String?
    public var place: String?
    public var workshop: String?
    /// The facilitators, all of them: those not named are taken off the session.
    public var facilitators: [String]?

    public init(start: String? = nil, end: String? = nil, place: String? = nil, workshop: String? = nil, facilitators: [String]? = nil) {
        self.start = start
        self.end = end
        self.place = place
        self.workshop = workshop
        self.facilitators = facilitators
    }
}

extension Scheduling {
    /// Moves a session to another time or place, changes its workshop or its facilitators, with
    /// the rules of `session add`: a conflict the change brings is refused when hard, and needs
    /// `force` when soft (then it is recorded); conflicts it had before are not asked again, and
    /// forced ones it no longer has are forgotten.
    ///
    /// - Throws: `ScheduleRefused`, `RetiredWorkshop`, `LookupError`, `DomainError`.
    public func editSession(_ query: String, _ changes: SessionChanges, force: Bool) throws -> EditOutcome {
        let id = try store.resolve(.session, query)
        let entry = try changes.workshop.map { try store.workshop(WorkshopRef(parsing: $0)) }
        if let entry, entry.retired {
            throw RetiredWorkshop(workshop: entry.ref, version: try store.curriculumHeader(entry.curriculum)?.version ?? 0)
        }
        let facilitators = try changes.facilitators.map { try unique($0.map { try store.resolve(.person, $0) }) }
        return try store.inScheduleTransaction { tx in
            guard let old = try tx.session(id) else { throw LookupError.notFound(kind: .session, query: query) }
            guard let battle = try tx.battle(old.battle) else { throw LookupError.notFound(kind: .battle, query: old.battle.rawValue) }
            let clock = try LocalClock(timeZone: battle.timeZone)
            let times = try span(changing: changes.start, changes.end, from: (old.start, old.end), clock)
            let (place, placeNote) = try changes.place.map { try Self.battlePlace($0, battle.id, tx) } ?? (old.place, nil)
            let session: Session
            do throws(DomainError) {
                session = try Session(id: id, battle: battle.id, workshop: entry?.ref ?? old.workshop, start: times.start, end: times.end,
                                      place: place, cancelled: old.cancelled)
            } catch {
                throw error.timed(start: times.typed.start, end: times.typed.end)
            }

            let existing = try tx.participations(of: id)
            var people = existing.map(\.participation)
            if let facilitators {
                people = people.filter { $0.role != .facilitator || facilitators.contains($0.person) }
                for person in facilitators {
                    if let index = people.firstIndex(where: { $0.person == person }) { people[index].role = .facilitator }
                    else { people.append(Participation(session: id, person: person, role: .facilitator, status: .registered)) }
                }
            }
            // What the session had before the change, and what was forced on it, is not asked again.
            let before = try conflicts(of: old, bookings: Self.bookings(existing), everyone: Set(existing.map(\.participation.person)),
                                       battle: battle, clock: clock, tx)
            let answered = Self.identities([before].compactMap { $0 }).union(try tx.recordedConflicts(ofSession: id))
            var outcome = EditOutcome(kind: .session, label: label(session, clock).description,
                                      changes: try sessionChanges(old, session, existing, people, clock, tx))
            guard !outcome.changes.isEmpty else { return outcome }
            // Written first, then judged (a refusal rolls it all back): the session as it was must
            // not count as its own facilitators' experience.
            try tx.update(session)
            let kept = Set(people.map(\.person))
            for gone in existing where !kept.contains(gone.participation.person) { try tx.delete(session: id, person: gone.participation.person) }
            for participation in people where !existing.contains(where: { $0.participation == participation }) { try tx.upsert(participation) }
            let after = try conflicts(of: session, bookings: Self.bookings(people), everyone: kept, battle: battle, clock: clock, tx)
            outcome.schedule = try recordNew([after].compactMap { $0 }, known: answered, force: force, tx)
            outcome.schedule.notes = times.notes + [placeNote].compactMap { $0 }
            let still = Self.identities([after].compactMap { $0 })
            for stale in try tx.recordedConflicts(ofSession: id) where ScheduleConflict.Kind(rawValue: stale.kind) != nil && !still.contains(stale) {
                try tx.forget(stale)
            }
            return outcome
        }
    }

    private func sessionChanges(_ old: Session, _ new: Session, _ existing: [ParticipationEntry], _ people: [Participation],
                                _ clock: LocalClock, _ tx: ScheduleTransaction) throws -> [FieldChange] {
        let text = Message.Argument.text
        func facilitatorNames(_ ids: [EntityID], _ names: [EntityID: String]) -> String {
            ids.map { names[$0] ?? $0.short }.sorted().joined(separator: ", ")
        }
        let oldFacilitators = existing.filter { $0.participation.role == .facilitator }.map(\.participation.person)
        let newFacilitators = people.filter { $0.role == .facilitator }.map(\.person)
        let names = try tx.names(Set(oldFacilitators + newFacilitators))
        return [
            FieldChange.of(.fieldTime, clock.label(start: old.start, end: old.end), clock.label(start: new.start, end: new.end), text),
            FieldChange.of(.fieldPlace, old.place, new.place, text),
            FieldChange.of(.fieldWorkshop, old.workshop.description, new.workshop.description, text),
            FieldChange.of(.fieldFacilitators, facilitatorNames(oldFacilitators, names), facilitatorNames(newFacilitators, names), text),
        ].compactMap { $0 }
    }

    /// Removes a session entered by mistake, with its registrations and forced conflicts.
    ///
    /// - Throws: `EditRefused.sessionHeld` when attendance was recorded (someone marked attended or
    ///   absent): a session that happened is cancelled, never removed.
    public func removeSession(_ query: String) throws -> EditOutcome {
        let id = try store.resolve(.session, query)
        return try store.inScheduleTransaction { tx in
            guard let session = try tx.session(id) else { throw LookupError.notFound(kind: .session, query: query) }
            guard let battle = try tx.battle(session.battle) else { throw LookupError.notFound(kind: .battle, query: session.battle.rawValue) }
            let people = try tx.participations(of: id)
            let label = label(session, try LocalClock(timeZone: battle.timeZone)).description
            let marked = people.filter { $0.participation.status != .registered }.count
            guard marked == 0 else { throw EditRefused.sessionHeld(label: label, id: id, marked: marked) }
            try tx.deleteSession(id)
            var outcome = EditOutcome(kind: .session, label: label, changes: [])
            outcome.removedWith = people.count
            return outcome
        }
    }
}
