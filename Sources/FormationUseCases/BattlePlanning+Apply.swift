public import FormationDomain
internal import FormationStorage

/// What `battle plan --apply` wrote.
public struct PlanApplied: Sendable, Equatable {
    public let sessions: Int
    public let registrations: Int
    public let battle: String

    public var message: Message {
        Message(.planApplied, String(sessions), String(registrations), battle)
    }
}

extension BattlePlanning {
    /// Writes the proposed sessions and their registrations in one transaction (one entry in the
    /// change log, one `undo`), each session judged by `session add`'s rules with everyone
    /// registered, as `session add` then `attend` would judge it, and with the sessions before it.
    ///
    /// - Throws: `ScheduleRefused` when the battle changed since the plan was made and a session
    ///   now conflicts (nothing is written).
    public func apply(_ proposal: BattlePlanProposal) throws -> PlanApplied {
        let scheduling = Scheduling(store: store)
        return try store.inScheduleTransaction { tx in
            guard let battle = try tx.battle(proposal.battle.battle.id) else {
                throw LookupError.notFound(kind: .battle, query: proposal.battle.battle.id.rawValue)
            }
            var registrations = 0
            for planned in proposal.sessions {
                let session = try Session(id: planned.id, battle: battle.id, workshop: planned.workshop, start: planned.start,
                                          end: planned.end, place: planned.place)
                let bookings = planned.facilitators.map { ScheduleContext.Booking(person: $0.person.id, role: .facilitator) }
                    + planned.participants.map { ScheduleContext.Booking(person: $0.person.id, role: .participant) }
                _ = try scheduling.insert(session, bookings, battle: battle, clock: proposal.clock, force: false, tx)
                registrations += bookings.count
            }
            return PlanApplied(sessions: proposal.sessions.count, registrations: registrations, battle: battle.name)
        }
    }
}
