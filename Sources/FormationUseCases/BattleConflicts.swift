public import FormationDomain
public import FormationStorage
internal import Foundation

// Every conflict of a whole battle (issue 10): `battle check` and `battle report` read the battle's
// sessions, people, shifts, what its people attended and taught, and the other battles' sessions they
// are in, once, with a few set-based queries; then the pure rules judge each session in memory.
// The result is the one `conflicts(of:bookings:…)` gives session by session (a test holds them equal).

extension Scheduling {
    /// Every conflict of every session not cancelled of `battle`, whose sessions (all of them, with
    /// everyone in them by name and id) are `sessions`, as `ScheduleTransaction.sessionsWithNames(ofBattle:)`
    /// returns them.
    ///
    /// - Throws: `LookupError.notFound(kind: .workshop)` for the first session whose workshop is not stored.
    ///
    /// Also returns what the people booked here learned and taught anywhere: the report finds its new
    /// facilitators in it.
    func conflicts(ofBattle battle: Battle, clock: LocalClock, sessions: [(session: Session, people: [ParticipationEntry])],
                   _ tx: ScheduleTransaction) throws -> (conflicts: [SessionConflicts], knowledge: PeopleKnowledge) {
        let live = sessions.filter { !$0.session.cancelled }
        guard !live.isEmpty else { return ([], PeopleKnowledge()) }

        // The workshops, in session order, so that a missing one is reported for the same session as before.
        var limits: [WorkshopRef: WorkshopLimits] = [:]
        for (session, _) in live where limits[session.workshop] == nil {
            guard let curriculum = session.workshop.curriculum,
                  let found = try tx.workshopLimits(curriculum, session.workshop.workshop) else {
                throw LookupError.notFound(kind: .workshop, query: session.workshop.description)
            }
            limits[session.workshop] = found
        }

        // Who is booked where (everyone not marked absent), facilitators first, then by name and id.
        var bookings: [[ScheduleContext.Booking]] = []
        var names: [EntityID: String] = [:]
        var booked = Set<EntityID>(), participants = Set<EntityID>()
        for (session, people) in live {
            let present = people.filter { $0.participation.status != .absent }
            let ordered = present.filter { $0.participation.role == .facilitator } + present.filter { $0.participation.role == .participant }
            for entry in ordered {
                let person = entry.participation.person
                names[person] = entry.name
                booked.insert(person)
                if entry.participation.role == .participant { participants.insert(person) }
            }
            bookings.append(ordered.map { ScheduleContext.Booking(person: $0.participation.person, role: $0.participation.role) })
        }

        let start = live.map(\.session.start).min()!, end = live.map(\.session.end).max()!
        let (knowledge, shared) = try tx.participations(of: booked, battle: battle.id, overlapping: start, end)
        let shifts = try tx.shifts(ofEach: participants, overlapping: start, end)

        // Possible neighbours: this battle's sessions not cancelled with everyone in them (any status),
        // and other battles' sessions that hold someone booked here. Sessions of other battles that hold
        // nobody from here cannot conflict with any session here.
        var neighbours: [Candidate] = live.map {
            Candidate(session: $0.session, people: Set($0.people.map(\.participation.person)), place: $0.session.place.lowercased())
        }
        neighbours += shared.map {
            Candidate(session: $0.session, people: $0.people, place: $0.session.place.lowercased())
        }
        neighbours.sort { ($0.session.start, $0.session.id) < ($1.session.start, $1.session.id) }

        var labels: [EntityID: SessionLabel] = [:]
        func labelled(_ session: Session) -> SessionLabel {
            if let known = labels[session.id] { return known }
            let made = label(session, clock)
            labels[session.id] = made
            return made
        }
        var days: [Int64: CivilDate] = [:]
        func day(_ instant: Int64) -> CivilDate {
            if let known = days[instant] { return known }
            let made = clock.local(instant).date
            days[instant] = made
            return made
        }

        var result: [SessionConflicts] = []
        for ((session, _), booking) in zip(live, bookings) {
            let workshop = limits[session.workshop]!
            let people = Set(booking.map(\.person)), place = session.place.lowercased()
            // The sessions `sessionsOverlapping(start:end:)` would return, in its order (start, id),
            // keeping only those the rules find a conflict with: sharing someone booked here, or this
            // battle's in the same place. Every other one would add nothing.
            var around: [ScheduleContext.Neighbour] = []
            var index = firstIndex(in: neighbours, startingAtOrAfter: session.start - Session.maximumSeconds)
            while index < neighbours.count, neighbours[index].session.start < session.end {
                let other = neighbours[index]
                index += 1
                guard other.session.end > session.start, other.session.id != session.id,
                      (other.session.battle == session.battle && other.place == place) || !people.isDisjoint(with: other.people)
                else { continue }
                around.append(ScheduleContext.Neighbour(session: other.session, label: labelled(other.session), people: other.people))
            }
            let spans = booking.filter { $0.role == .participant }.flatMap { booking in
                (shifts[booking.person] ?? []).filter { $0.start < session.end && $0.end > session.start }.map {
                    ScheduleContext.ShiftSpan(person: booking.person, start: $0.start, end: $0.end,
                                              startLabel: clock.local($0.start).description, endLabel: clock.local($0.end).description)
                }
            }
            var scheduled = Workshop(id: session.workshop.workshop, title: LocalizedText(), durationMinutes: workshop.minutes)
            scheduled.maxParticipants = workshop.maxParticipants
            scheduled.prerequisites = workshop.prerequisites
            let context = ScheduleContext(
                battle: battle, firstDay: day(session.start), lastDay: day(session.end - 1),
                workshop: scheduled, workshopRef: session.workshop,
                prerequisites: workshop.prerequisites.map { $0.qualified(in: session.workshop.curriculum!) },
                bookings: booking, names: names, neighbours: around, shifts: spans,
                experience: knowledge.experience)
            let found = ScheduleRules.conflicts(of: session, in: context)
            if !found.isEmpty {
                result.append(SessionConflicts(session: session, label: labelled(session), conflicts: found))
            }
        }
        return (result, knowledge)
    }

    /// A session that may neighbour one of the battle's, with its place lowercased once.
    private struct Candidate {
        let session: Session
        let people: Set<EntityID>
        let place: String
    }

    /// The first index of `sorted` (by start) whose session starts at or after `instant`.
    private func firstIndex(in sorted: [Candidate], startingAtOrAfter instant: Int64) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].session.start < instant { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
