public import FormationDomain
public import FormationStorage

/// A battle's roster as `battle roster` shows it: everyone at the battle and on which days.
public struct BattleRoster: Sendable {
    public struct Line: Sendable, Equatable {
        public let person: PersonName
        public let from: CivilDate
        public let to: CivilDate
        /// Joined with `battle join` (then `from`/`to` are their days), rather than on the roster
        /// through shifts or sessions alone (then the whole battle).
        public let joined: Bool
        public let hasShifts: Bool
        public let hasSessions: Bool
    }

    public let battle: Battle
    /// By name, then id.
    public let lines: [Line]
}

/// What `battle join` or `battle leave` did for one person.
public struct RosterOutcome: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case joined, updated, unchanged
        case left
        /// Left the roster, but still on it through their shifts or sessions there.
        case leftStillOn
        /// `leave` of someone who had not joined: on it through shifts or sessions, or not at all.
        case notJoined(stillOn: Bool)
    }

    public let person: PersonName
    public let battle: String
    public let change: Change
    public let days: ClosedRange<CivilDate>?

    /// What the change says on stderr.
    public var message: Message {
        let from = days?.lowerBound.description ?? "", to = days?.upperBound.description ?? ""
        switch change {
        case .joined: return Message(.rosterJoined, person.name, battle, from, to)
        case .updated: return Message(.rosterUpdated, person.name, battle, from, to)
        case .unchanged: return Message(.rosterAlready, person.name, battle, from, to)
        case .left: return Message(.rosterLeft, person.name, battle)
        case .leftStillOn: return Message(.rosterLeftStillOn, person.name, battle)
        case .notJoined(let stillOn): return Message(stillOn ? .rosterNotJoinedStillOn : .rosterNotJoined, person.name, battle)
        }
    }
}

/// `battle join` with days outside the battle, or in the wrong order.
public struct RosterRefused: Error, Sendable, Equatable, LocalizedFailure {
    public let from: String
    public let to: String
    public let battleStart: CivilDate
    public let battleEnd: CivilDate

    public var message: Message {
        Message(.rosterOutsideBattle, from, to, battleStart.description, battleEnd.description)
    }
}

extension Scheduling {
    /// Puts `people` on the roster of `battle`, from `from` to `to` (its first and last days when
    /// not given). One transaction.
    ///
    /// Not an error: someone already on it (their days are replaced when days are given), someone
    /// with shifts or sessions there (they are on it already; joining records their days).
    /// - Throws: `RosterRefused` for days outside the battle or in the wrong order; `LookupError`.
    public func join(battle: String, people: [String], from: String? = nil, to: String? = nil) throws -> [RosterOutcome] {
        let battleID = try store.resolve(.battle, battle)
        let persons = try unique(people.map { try store.resolve(.person, $0) })
        let first = try from.map { try CivilDate(iso: $0) }, last = try to.map { try CivilDate(iso: $0) }
        return try store.inScheduleTransaction { tx in
            guard let battle = try tx.battle(battleID) else { throw LookupError.notFound(kind: .battle, query: battleID.rawValue) }
            let entry = RosterEntry(battle: battleID, person: battleID, from: first, to: last)
            guard (first ?? battle.start) >= battle.start, (last ?? battle.end) <= battle.end, entry.days(in: battle) != nil else {
                throw RosterRefused(from: (first ?? battle.start).description, to: (last ?? battle.end).description,
                                    battleStart: battle.start, battleEnd: battle.end)
            }
            let names = try tx.names(persons)
            return try persons.map { person in
                var wanted = entry
                wanted.person = person
                let old = try tx.rosterEntry(battleID, person)
                let change: RosterOutcome.Change
                if let old, (from == nil && to == nil) || old == wanted {
                    wanted = old
                    change = .unchanged
                } else {
                    try tx.save(wanted)
                    change = old == nil ? .joined : .updated
                }
                return RosterOutcome(person: PersonName.named(person, names[person] ?? person.short), battle: battle.name,
                                     change: change, days: wanted.days(in: battle))
            }
        }
    }

    /// Takes `people` off the roster of `battle`. Their shifts and sessions stay (and keep them on
    /// it: said so). One transaction; not an error for someone who had not joined.
    public func leave(battle: String, people: [String]) throws -> [RosterOutcome] {
        let battleID = try store.resolve(.battle, battle)
        let persons = try unique(people.map { try store.resolve(.person, $0) })
        return try store.inScheduleTransaction { tx in
            guard let battle = try tx.battle(battleID) else { throw LookupError.notFound(kind: .battle, query: battleID.rawValue) }
            let names = try tx.names(persons)
            let busy = try tx.peopleInShiftsOrSessions(ofBattle: battleID)
            return try persons.map { person in
                let stillOn = busy.shifts.contains(person) || busy.sessions.contains(person)
                let removed = try tx.deleteRosterEntry(battleID, person)
                let change: RosterOutcome.Change = removed ? (stillOn ? .leftStillOn : .left) : .notJoined(stillOn: stillOn)
                return RosterOutcome(person: PersonName.named(person, names[person] ?? person.short), battle: battle.name,
                                     change: change, days: nil)
            }
        }
    }

    /// Everyone at `battle`: who joined it, on their days, and everyone with a shift or a session
    /// there (not marked absent), on all its days.
    public func roster(battle: String) throws -> BattleRoster {
        let battleID = try store.resolve(.battle, battle)
        return try store.reading { tx in
            guard let battle = try tx.battle(battleID) else { throw LookupError.notFound(kind: .battle, query: battleID.rawValue) }
            return try Self.roster(of: battle, tx)
        }
    }

    static func roster(of battle: Battle, _ tx: ScheduleTransaction) throws -> BattleRoster {
        let entries = Dictionary(uniqueKeysWithValues: try tx.roster(ofBattle: battle.id).map { ($0.person, $0) })
        let busy = try tx.peopleInShiftsOrSessions(ofBattle: battle.id)
        let everyone = Set(entries.keys).union(busy.shifts).union(busy.sessions)
        let names = try tx.names(everyone)
        let lines = everyone.compactMap { person -> BattleRoster.Line? in
            let days = entries[person].map { $0.days(in: battle) } ?? (battle.start...battle.end)
            guard let days else { return nil }
            return BattleRoster.Line(person: PersonName.named(person, names[person] ?? person.short), from: days.lowerBound,
                                     to: days.upperBound, joined: entries[person] != nil,
                                     hasShifts: busy.shifts.contains(person), hasSessions: busy.sessions.contains(person))
        }
        return BattleRoster(battle: battle, lines: lines.sorted { ($0.person.name, $0.person.id) < ($1.person.name, $1.person.id) })
    }
}
