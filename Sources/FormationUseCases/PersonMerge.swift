public import FormationDomain
public import FormationStorage

/// `person merge KEEP DROP` refused before anything was written.
public enum PersonMergeRefused: Error, Sendable, Equatable, LocalizedFailure {
    /// Both names lead to the same person (perhaps through an earlier merge).
    case samePerson(String)
    /// The two records were in sessions at the same time: as one person, a hard conflict.
    /// Each pair is `kept's session ↔ dropped's session`; `more` pairs are not listed.
    case doubleBooked(kept: String, dropped: String, pairs: [String], more: Int)

    /// Pairs listed in the message; the rest are counted.
    public static let listedPairs = 10

    public var message: Message {
        switch self {
        case .samePerson(let name): Message(.mergeSamePerson, name)
        case .doubleBooked(let kept, let dropped, let pairs, let more):
            Message(.mergeDoubleBooked, arguments: [.text(kept), .text(dropped), .text(pairs.joined(separator: "; ")),
                                                    more > 0 ? .message(Message(.mergeMorePairs, String(more))) : .text("")])
        }
    }
}

/// The same worker registered twice (at two plants) becomes one person.
public struct PersonMerge: Sendable {
    public struct Outcome: Sendable, Equatable {
        public let kept: Person
        public let dropped: Person
        /// Participations of the dropped person now under the kept one.
        public let movedParticipations: Int
        /// Sessions both were in: their two participations became one.
        public let combinedSessions: Int
        public let movedShifts: Int
        /// Participations of the kept person after the merge.
        public let participations: Int
    }

    public let store: FormationStore

    public init(store: FormationStore) { self.store = store }

    /// Moves every participation, shift and qualification of `drop` to `keep`, remembers `drop`'s id as an alias
    /// of `keep` (aliases that pointed at `drop` now point at `keep`), and removes `drop`. One
    /// transaction: all of it happens or none.
    ///
    /// Where both were in the same session one participation stays, with the stronger status and
    /// role (`PersonMergeRules.combined`). The kept person's name stays; a home plant or sector
    /// only the dropped record had is filled in.
    ///
    /// - Throws: `LookupError` for names that match nobody or several; `PersonMergeRefused.samePerson`.
    public func run(keep: String, drop: String) throws -> Outcome {
        let keptID = try store.resolve(.person, keep)
        let droppedID = try store.resolve(.person, drop)
        return try store.inScheduleTransaction { tx in try Self.merge(keep: keptID, drop: droppedID, in: tx) }
    }

    /// `run(keep:drop:)` inside a transaction already open: a record that carries a merge made at
    /// another plant applies it here with the same rules.
    static func merge(keep keptID: EntityID, drop droppedID: EntityID, in tx: ScheduleTransaction) throws -> Outcome {
        guard var kept = try tx.person(keptID) else { throw LookupError.notFound(kind: .person, query: keptID.rawValue) }
        guard keptID != droppedID else { throw PersonMergeRefused.samePerson(kept.name) }
        guard let dropped = try tx.person(droppedID) else { throw LookupError.notFound(kind: .person, query: droppedID.rawValue) }

        let pairs = PersonMergeRules.doubleBookings(kept: try tx.liveSessions(ofPerson: keptID), dropped: try tx.liveSessions(ofPerson: droppedID))
        if !pairs.isEmpty {
            var clocks: [EntityID: LocalClock] = [:]
            func label(_ session: Session) throws -> String {
                if clocks[session.battle] == nil, let battle = try tx.battle(session.battle) {
                    clocks[session.battle] = try? LocalClock(timeZone: battle.timeZone)
                }
                let when = clocks[session.battle].map { $0.label(start: session.start, end: session.end) } ?? ""
                return SessionLabel(id: session.id, workshop: session.workshop.description, place: session.place, when: when).description
            }
            let listed = try pairs.prefix(PersonMergeRefused.listedPairs).map { "\(try label($0.kept)) ↔ \(try label($0.dropped))" }
            throw PersonMergeRefused.doubleBooked(kept: kept.name, dropped: dropped.name, pairs: listed,
                                                  more: pairs.count - listed.count)
        }

        let keptParticipations = Dictionary(try tx.participationRecords(ofPerson: keptID).map { ($0.session, $0) },
                                            uniquingKeysWith: { first, _ in first })
        var combined = 0
        for participation in try tx.participationRecords(ofPerson: droppedID) {
            guard let existing = keptParticipations[participation.session] else { continue }
            try tx.upsert(PersonMergeRules.combined(existing, participation))
            try tx.deleteParticipation(session: participation.session, person: droppedID)
            combined += 1
        }
        let moved = try tx.moveParticipations(from: droppedID, to: keptID)
        let shifts = try tx.moveShifts(from: droppedID, to: keptID)
        try tx.moveRecordedConflicts(from: droppedID, to: keptID)
        _ = try tx.moveQualifications(from: droppedID, to: keptID)
        try tx.moveRoster(from: droppedID, to: keptID)
        if kept.plant == nil || kept.sector == nil {
            kept.plant = kept.plant ?? dropped.plant
            kept.sector = kept.sector ?? dropped.sector
            try tx.update(kept)
        }
        try tx.alias(droppedID, to: keptID)
        try tx.deletePerson(droppedID)
        return Outcome(kept: kept, dropped: dropped, movedParticipations: moved, combinedSessions: combined,
                       movedShifts: shifts, participations: keptParticipations.count + moved)
    }
}
