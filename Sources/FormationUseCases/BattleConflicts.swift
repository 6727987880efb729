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
        var booked = Set<EntityID>()
        for (session, people) in live {
            let present = people.filter { $0.participation.status != .absent }
            let ordered = present.filter { $0.participation.role == .facilitator } + present.filter { $0.participation.role == .participant }
            for entry in ordered {
                let person = entry.participation.person
                names[person] = entry.name
                booked.insert(person)
            }
            bookings.append(ordered.map { ScheduleContext.Booking(person: $0.participation.person, role: $0.participation.role) })
        }

        let start = live.map(\.session.start).min()!, end = live.map(\.session.end).max()!
        let (knowledge, shared) = try tx.participations(of: booked, battle: battle.id, overlapping: start, end)
        let shifts = try tx.shifts(ofEach: booked, overlapping: start, end)

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
        let lanes = Lanes(neighbours, battle: battle.id)

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
            // Of the sessions `sessionsOverlapping(start:end:)` would return, in its order (start, id),
            // those the rules find a conflict with (sharing someone booked here, or this battle's in the
            // same place), but only as many as the rules list: the first `listedPerKind` of each person's
            // and of the place's. The others are counted (issue 15: a thousand sessions at one time made
            // this quadratic).
            var chosen = Set<Int>()
            var totals: [EntityID: Int] = [:]
            for person in people {
                guard let lane = lanes.byPerson[person] else { continue }
                chosen.formUnion(lane.first(ScheduleRules.listedPerKind, overlapping: session, in: neighbours))
                totals[person] = lane.overlapping(session, in: neighbours)
            }
            let placeLane = lanes.byPlace[place]
            if let placeLane { chosen.formUnion(placeLane.first(ScheduleRules.listedPerKind, overlapping: session, in: neighbours)) }
            let around = chosen.sorted().map {
                ScheduleContext.Neighbour(session: neighbours[$0].session, label: labelled(neighbours[$0].session), people: neighbours[$0].people)
            }
            var unlisted = ScheduleContext.Unlisted()
            for (person, total) in totals {
                unlisted.people[person] = total - around.count { $0.people.contains(person) }
            }
            unlisted.place = (placeLane?.overlapping(session, in: neighbours) ?? 0)
                - around.count { $0.session.battle == session.battle && $0.session.place.lowercased() == place }
            let spans = booking.flatMap { booking in
                (shifts[booking.person] ?? []).filter { $0.start < session.end && $0.end > session.start }.map {
                    ScheduleContext.ShiftSpan(person: booking.person, start: $0.start, end: $0.end,
                                              startLabel: clock.local($0.start).description, endLabel: clock.local($0.end).description)
                }
            }
            var scheduled = Workshop(id: session.workshop.workshop, title: LocalizedText(), durationMinutes: workshop.minutes)
            scheduled.maxParticipants = workshop.maxParticipants
            scheduled.prerequisites = workshop.prerequisites
            var context = ScheduleContext(
                battle: battle, firstDay: day(session.start), lastDay: day(session.end - 1),
                workshop: scheduled, workshopRef: session.workshop,
                prerequisites: workshop.prerequisites.map { $0.qualified(in: session.workshop.curriculum!) },
                bookings: booking, names: names, neighbours: around, shifts: spans,
                experience: knowledge.experience)
            context.unlisted = unlisted
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

    /// The candidates of each person, and of each place of the battle, as indices into the
    /// candidates sorted by (start, id), with their ends sorted apart: the first few that overlap a
    /// session are a short scan, and how many overlap in all two binary searches.
    private struct Lanes {
        struct Lane {
            var members: [Int] = []
            var ends: [Int64] = []

            /// The first `limit` members (in order) that overlap `session`, other than itself.
            func first(_ limit: Int, overlapping session: Session, in candidates: [Candidate]) -> [Int] {
                var found: [Int] = []
                var index = lowerBound(session.start - Session.maximumSeconds, in: candidates)
                while index < members.count, found.count < limit {
                    let other = candidates[members[index]].session
                    if other.start >= session.end { break }
                    if other.end > session.start, other.id != session.id { found.append(members[index]) }
                    index += 1
                }
                return found
            }

            /// How many members overlap `session`, other than itself (which is a member): those that
            /// start before it ends, less those that end before it starts.
            func overlapping(_ session: Session, in candidates: [Candidate]) -> Int {
                var low = 0, high = ends.count
                while low < high {
                    let middle = (low + high) / 2
                    if ends[middle] <= session.start { low = middle + 1 } else { high = middle }
                }
                return lowerBound(session.end, in: candidates) - low - 1
            }

            /// The first member position whose session starts at or after `instant`.
            private func lowerBound(_ instant: Int64, in candidates: [Candidate]) -> Int {
                var low = 0, high = members.count
                while low < high {
                    let middle = (low + high) / 2
                    if candidates[members[middle]].session.start < instant { low = middle + 1 } else { high = middle }
                }
                return low
            }
        }

        var byPerson: [EntityID: Lane] = [:]
        /// This battle's sessions by place, lowercased.
        var byPlace: [String: Lane] = [:]

        init(_ candidates: [Candidate], battle: EntityID) {
            for (index, candidate) in candidates.enumerated() {
                for person in candidate.people {
                    byPerson[person, default: Lane()].members.append(index)
                    byPerson[person]!.ends.append(candidate.session.end)
                }
                if candidate.session.battle == battle {
                    byPlace[candidate.place, default: Lane()].members.append(index)
                    byPlace[candidate.place]!.ends.append(candidate.session.end)
                }
            }
            for key in byPerson.keys { byPerson[key]!.ends.sort() }
            for key in byPlace.keys { byPlace[key]!.ends.sort() }
        }
    }
}
