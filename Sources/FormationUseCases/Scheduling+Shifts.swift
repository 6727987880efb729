public import FormationDomain
internal import FormationStorage

/// What `shift edit` changes; nil leaves a field as it is.
public struct ShiftChanges: Sendable, Equatable {
    /// Typed local times in the battle's zone. A new start alone keeps the shift's length.
    public var start: String?
    public var end: String?
    /// A name or id: the shift goes to this person.
    public var person: String?

    public init(start: String? = nil, end: String? = nil, person: String? = nil) {
        self.start = start
        self.end = end
        self.person = person
    }
}

/// A battle's shifts as `shift list` shows them.
public struct ShiftList: Sendable {
    public struct Entry: Sendable {
        public let shift: Shift
        public let person: String
    }

    public let battle: Battle
    public let clock: LocalClock
    public let entries: [Entry]
}

extension Scheduling {
    /// Gives one repair shift to each of `people` (so a crew is one command).
    ///
    /// - Returns: the shifts' ids, one a person, the soft conflicts recorded, and a note for a time
    ///   that happens twice.
    /// - Throws: `ShiftRefused` for a shift outside the battle's days, longer than a day, or over
    ///   another shift of the same person (every problem, for everyone); `ScheduleRefused` when the
    ///   shift falls over sessions its people are in (soft, unless `force`: then recorded on those
    ///   sessions, as `session add` would).
    public func addShift(battle: String, people: [String], start: String, end: String, force: Bool = false) throws -> ScheduleOutcome {
        let battleID = try store.resolve(.battle, battle)
        let persons = try unique(people.map { try store.resolve(.person, $0) })
        return try store.inScheduleTransaction { tx in
            guard let battle = try tx.battle(battleID) else { throw LookupError.notFound(kind: .battle, query: battleID.rawValue) }
            let clock = try LocalClock(timeZone: battle.timeZone)
            let times = try span(start, end, clock)
            let shifts = try persons.map { try Shift(id: .random(), battle: battleID, person: $0, start: times.start, end: times.end) }
            var names = PersonNames(try tx.names(persons))
            let conflicts = try judge(shifts, in: battle, clock: clock, names: &names, tx)
            try refuseUnlessAllowed(conflicts.map(\.conflict), names, force: force)
            for shift in shifts { try tx.insert(shift) }
            for (session, conflict) in conflicts { try tx.record(conflict.recorded(on: session)) }
            return ScheduleOutcome(ids: shifts.map(\.id), recorded: conflicts.map(\.conflict), names: names, notes: times.notes)
        }
    }

    /// The shift rules for `shifts` (one a person, all at the same times), against what is stored
    /// (the stored version of a shift being edited left out).
    ///
    /// - Returns: the soft conflicts with the sessions (of any battle) its people are in at that
    ///   time, not marked absent: the session rule that nobody is at a session and on a shift at
    ///   once, asked from the shift's side.
    /// - Throws: `ShiftRefused` with every hard problem; those of the battle's days and the length,
    ///   the same for the whole crew, said once.
    private func judge(_ shifts: [Shift], in battle: Battle, clock: LocalClock, names: inout PersonNames,
                       _ tx: ScheduleTransaction) throws -> [(session: EntityID, conflict: ScheduleConflict)] {
        guard let first = shifts.first else { return [] }
        let start = first.start, end = first.end
        var problems: [ShiftProblem] = []
        for shift in shifts {
            let others = try tx.shifts(of: [shift.person], overlapping: start, end).filter { $0.id != shift.id }.map {
                (start: clock.local($0.start).description, end: clock.local($0.end).description)
            }
            problems += ShiftRules.problems(of: shift, in: battle, firstDay: clock.local(start).date, lastDay: clock.local(end - 1).date,
                                            person: names[shift.person], others: others)
        }
        var said = Set<ShiftProblem>()
        guard problems.isEmpty else { throw ShiftRefused(problems: problems.filter { said.insert($0).inserted }) }

        let persons = Set(shifts.map(\.person))
        let localStart = clock.local(start), localEnd = clock.local(end)
        var conflicts: [(session: EntityID, conflict: ScheduleConflict)] = []
        for (session, _) in try tx.sessionsOverlapping(start: start, end: end) {
            for entry in try tx.participations(of: session.id)
            where persons.contains(entry.participation.person) && entry.participation.status != .absent {
                let span = ScheduleContext.ShiftSpan(person: entry.participation.person, start: start, end: end,
                                                     localStart: localStart, localEnd: localEnd)
                guard let conflict = ScheduleRules.onShift(session, span) else { continue }
                names.byID[entry.participation.person] = entry.name
                conflicts.append((session.id, conflict))
            }
        }
        return conflicts
    }

    /// A battle's shifts in time order, those of `person` alone when given.
    public func shifts(battle: String, person: String? = nil) throws -> ShiftList {
        let battleID = try store.resolve(.battle, battle)
        let personID = try person.map { try store.resolve(.person, $0) }
        return try store.reading { tx in
            guard let battle = try tx.battle(battleID) else { throw LookupError.notFound(kind: .battle, query: battleID.rawValue) }
            let shifts = try tx.shifts(ofBattle: battleID).filter { personID == nil || $0.person == personID }
            let names = try tx.names(Set(shifts.map(\.person)))
            return ShiftList(battle: battle, clock: try LocalClock(timeZone: battle.timeZone),
                             entries: shifts.map { ShiftList.Entry(shift: $0, person: names[$0.person] ?? $0.person.short) })
        }
    }

    /// Moves a shift or gives it to someone else, with the rules of `shift add`; conflicts with
    /// sessions forced before are not asked again.
    ///
    /// - Throws: `ShiftRefused`, `ScheduleRefused`, `LookupError`, `DomainError`.
    public func editShift(_ query: String, _ changes: ShiftChanges, force: Bool) throws -> EditOutcome {
        let id = try store.resolve(.shift, query)
        let personID = try changes.person.map { try store.resolve(.person, $0) }
        return try store.inScheduleTransaction { tx in
            guard let old = try tx.shift(id) else { throw LookupError.notFound(kind: .shift, query: query) }
            guard let battle = try tx.battle(old.battle) else { throw LookupError.notFound(kind: .battle, query: old.battle.rawValue) }
            let clock = try LocalClock(timeZone: battle.timeZone)
            let times = try span(changing: changes.start, changes.end, from: (old.start, old.end), clock)
            let shift = try Shift(id: id, battle: battle.id, person: personID ?? old.person, start: times.start, end: times.end)
            var names = PersonNames(try tx.names([old.person, shift.person]))
            let text = Message.Argument.text
            var outcome = EditOutcome(kind: .shift, label: Self.shiftLabel(shift, names[shift.person], clock), changes: [
                FieldChange.of(.fieldTime, clock.label(start: old.start, end: old.end), clock.label(start: shift.start, end: shift.end), text),
                FieldChange.of(.fieldPerson, names[old.person], names[shift.person], text),
            ].compactMap { $0 })
            guard !outcome.changes.isEmpty else { return outcome }
            var conflicts: [(session: EntityID, conflict: ScheduleConflict)] = []
            for found in try judge([shift], in: battle, clock: clock, names: &names, tx)
            where !(try tx.recordedConflicts(ofSession: found.session).contains(found.conflict.recorded(on: found.session))) {
                conflicts.append(found)
            }
            try refuseUnlessAllowed(conflicts.map(\.conflict), names, force: force)
            try tx.update(shift)
            for (session, conflict) in conflicts { try tx.record(conflict.recorded(on: session)) }
            outcome.schedule = ScheduleOutcome(ids: [id], recorded: conflicts.map(\.conflict), names: names, notes: times.notes)
            return outcome
        }
    }

    /// Removes a shift: nothing refers to one.
    public func removeShift(_ query: String) throws -> EditOutcome {
        let id = try store.resolve(.shift, query)
        return try store.inScheduleTransaction { tx in
            guard let shift = try tx.shift(id) else { throw LookupError.notFound(kind: .shift, query: query) }
            guard let battle = try tx.battle(shift.battle) else { throw LookupError.notFound(kind: .battle, query: shift.battle.rawValue) }
            let name = try tx.personName(shift.person) ?? shift.person.short
            try tx.delete(.shift, id)
            return EditOutcome(kind: .shift, label: Self.shiftLabel(shift, name, try LocalClock(timeZone: battle.timeZone)), changes: [])
        }
    }
}
