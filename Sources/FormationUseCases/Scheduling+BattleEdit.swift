internal import FormationDomain
internal import FormationStorage

/// What `battle edit` changes; nil leaves a field as it is.
public struct BattleChanges: Sendable, Equatable {
    public var name: String?
    /// Typed dates (`2026-12-01`, `1/12/2026`).
    public var start: String?
    public var end: String?
    /// IANA name.
    public var timeZone: String?

    public init(name: String? = nil, start: String? = nil, end: String? = nil, timeZone: String? = nil) {
        self.name = name
        self.start = start
        self.end = end
        self.timeZone = timeZone
    }
}

extension Scheduling {
    /// Sessions and shifts named in a refusal; the rest are counted.
    static let listedOutside = 5

    /// Renames a battle, moves its days or corrects its time zone, with the rules of `battle add`.
    ///
    /// Its sessions and shifts keep their local times: a zone typed wrong is corrected, not the
    /// times typed in it. What would fall outside the new days is refused, naming it. A new zone
    /// moves the sessions' instants, so the schedule rules are run again on the whole battle:
    /// a new hard conflict is refused, new soft ones need `force` and are then recorded.
    ///
    /// - Throws: `EditRefused.outsideBattle`, `ScheduleRefused`, `LookupError.duplicateName`, `DomainError`.
    public func editBattle(_ query: String, _ changes: BattleChanges, force: Bool) throws -> EditOutcome {
        let id = try store.resolve(.battle, query)
        let zone = try changes.timeZone.map { try TimeZones.validated($0) }
        return try store.inScheduleTransaction { tx in
            guard let old = try tx.battle(id) else { throw LookupError.notFound(kind: .battle, query: query) }
            let battle = try Battle(id: id, name: changes.name.map(NameFolding.composed) ?? old.name, plant: old.plant,
                                    start: try changes.start.map { try CivilDate(typed: $0) } ?? old.start,
                                    end: try changes.end.map { try CivilDate(typed: $0) } ?? old.end, timeZone: zone ?? old.timeZone)
            if battle.name != old.name, let other = try tx.battle(named: battle.name, other: id) {
                throw LookupError.duplicateName(kind: .battle, name: battle.name, existing: other.short)
            }
            let oldClock = try LocalClock(timeZone: old.timeZone), clock = try LocalClock(timeZone: battle.timeZone)
            let moved = battle.timeZone != old.timeZone
            let before = moved ? try conflicts(ofBattle: old, clock: oldClock, sessions: tx.sessionsWithNames(ofBattle: id), tx).conflicts : []
            var sessions = try tx.sessionRows(ofBattle: id), shifts = try tx.shifts(ofBattle: id)
            if moved {
                func same(_ instant: Int64) throws -> Int64 { try clock.resolve(oldClock.local(instant)).instant }
                sessions = try sessions.map {
                    Session(stored: $0.id, battle: id, workshop: $0.workshop, start: try same($0.start), end: try same($0.end),
                            place: $0.place, cancelled: $0.cancelled)
                }
                shifts = try shifts.map { Shift(stored: $0.id, battle: id, person: $0.person, start: try same($0.start), end: try same($0.end)) }
            }
            func inside(_ start: Int64, _ end: Int64) -> Bool {
                battle.contains(clock.local(start).date) && battle.contains(clock.local(end - 1).date)
            }
            var outside = sessions.filter { !inside($0.start, $0.end) }.map { label($0, clock).description }
            let names = try tx.names(Set(shifts.map(\.person)))
            outside += shifts.filter { !inside($0.start, $0.end) }.map { Self.shiftLabel($0, names[$0.person] ?? $0.person.short, clock) }
            guard outside.isEmpty else {
                throw EditRefused.outsideBattle(start: battle.start, end: battle.end, items: Array(outside.prefix(Self.listedOutside)),
                                                more: max(0, outside.count - Self.listedOutside))
            }
            let text = Message.Argument.text
            var outcome = EditOutcome(kind: .battle, label: battle.name, changes: [
                FieldChange.of(.fieldName, old.name, battle.name, text),
                FieldChange.of(.fieldStart, old.start, battle.start) { text($0.description) },
                FieldChange.of(.fieldEnd, old.end, battle.end) { text($0.description) },
                FieldChange.of(.fieldTimeZone, old.timeZone, battle.timeZone, text),
            ].compactMap { $0 })
            guard !outcome.changes.isEmpty else { return outcome }
            try tx.update(battle)
            guard moved else { return outcome }
            for session in sessions { try tx.update(session) }
            for shift in shifts { try tx.update(shift) }
            let after = try conflicts(ofBattle: battle, clock: clock, sessions: tx.sessionsWithNames(ofBattle: id), tx).conflicts
            outcome.schedule = try recordNew(after, known: Self.identities(before), force: force, tx)
            return outcome
        }
    }

    /// Each conflict found, as it is recorded when forced: how a conflict is known again.
    static func identities(_ found: [SessionConflicts]) -> Set<RecordedConflict> {
        Set(found.flatMap { entry in entry.conflicts.map { $0.recorded(on: entry.session.id) } })
    }

    /// The conflicts of `after` not `known` already (by the identity a recorded conflict has): a
    /// hard one, or a soft one without `force`, is refused; soft ones are recorded.
    func recordNew(_ after: [SessionConflicts], known: Set<RecordedConflict>, force: Bool, _ tx: ScheduleTransaction) throws -> ScheduleOutcome {
        var names = PersonNames()
        var fresh: [(session: EntityID, conflict: ScheduleConflict, record: RecordedConflict)] = []
        for entry in after {
            names.merge(entry.names)
            for conflict in entry.conflicts {
                let record = conflict.recorded(on: entry.session.id)
                if !known.contains(record) { fresh.append((entry.session.id, conflict, record)) }
            }
        }
        try refuseUnlessAllowed(fresh.map(\.conflict), names, force: force)
        for found in fresh where found.conflict.isRecorded { try tx.record(found.record) }
        return ScheduleOutcome(ids: [], recorded: fresh.map(\.conflict), names: names)
    }

    /// `Ana Rivas, 2026-12-03 06:00–14:00 [1c60ab12]`: a shift in messages and lists.
    static func shiftLabel(_ shift: Shift, _ name: String, _ clock: LocalClock) -> String {
        "\(name), \(clock.label(start: shift.start, end: shift.end)) [\(shift.id.short)]"
    }
}
