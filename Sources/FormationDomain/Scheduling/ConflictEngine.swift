/// A battle's clock as the conflict engine needs it: local days and times for the battle's bounds
/// and shifts, and labels that name other sessions. `LocalClock` (use cases) is the one in use.
public protocol BattleCalendar: Sendable {
    /// The wall-clock time of `instant` in the battle's zone.
    func local(_ instant: Int64) -> LocalDateTime
    /// `2026-12-01 14:00–16:00`, as conflicts name other sessions.
    func label(start: Int64, end: Int64) -> String
}

/// What the conflict rules need about some sessions of one battle, loaded by the caller: the
/// sessions to judge with who is booked in each, the sessions of other battles that hold someone
/// booked here, those people's shifts and what they knew when. The loader reads; it judges nothing.
public struct BattleSchedule: Sendable {
    /// A session to judge.
    public struct Judged: Sendable {
        public let session: Session
        /// Who is in it and counts (not marked absent), in the order the rules list facilitators.
        public let bookings: [ScheduleContext.Booking]
        /// Everyone in it, any status: whom another session of the same time shares with it.
        public let everyone: Set<EntityID>
        public let maxParticipants: Int
        /// As stored: a bare id means one in the same curriculum.
        public let prerequisites: [WorkshopRef]
        /// The workshop's minutes (0: length not checked) and fewest participants.
        public var minutes = 0
        public var minParticipants = 0
        /// Participants marked attended once the session was held: `ScheduleContext.attendedParticipants`.
        public var attendedParticipants: Int?

        public init(session: Session, bookings: [ScheduleContext.Booking], everyone: Set<EntityID>, maxParticipants: Int,
                    prerequisites: [WorkshopRef]) {
            self.session = session
            self.bookings = bookings
            self.everyone = everyone.union(bookings.map(\.person))
            self.maxParticipants = maxParticipants
            self.prerequisites = prerequisites
        }
    }

    public var battle: Battle
    /// The sessions to judge (cancelled ones are skipped), in the order the result keeps.
    public var judged: [Judged]
    /// Other sessions that may overlap a judged one, with the people in them (any status): those of
    /// other battles holding someone booked here, and, when not every session of the battle is
    /// judged, the battle's own. Cancelled ones are skipped.
    public var others: [(session: Session, people: Set<EntityID>)]
    /// Shifts (any battle) of the people booked, by person.
    public var shifts: [EntityID: [(start: Int64, end: Int64)]]
    /// What the people booked attended and taught, with when.
    public var experience: Experience
    /// The names of the people booked, passed on to the result for its messages.
    public var names: PersonNames

    public init(battle: Battle, judged: [Judged], others: [(session: Session, people: Set<EntityID>)], shifts: [EntityID: [(start: Int64, end: Int64)]],
                experience: Experience, names: PersonNames) {
        self.battle = battle
        self.judged = judged
        self.others = others
        self.shifts = shifts
        self.experience = experience
        self.names = names
    }
}

/// A session and every conflict it has, with the names its messages need.
public struct SessionConflicts: Sendable, Equatable {
    public let session: Session
    public let label: SessionLabel
    public let conflicts: [ScheduleConflict]
    public let names: PersonNames

    public init(session: Session, label: SessionLabel, conflicts: [ScheduleConflict], names: PersonNames) {
        self.session = session
        self.label = label
        self.conflicts = conflicts
        self.names = names
    }
}

/// The one conflict engine: `session add`, `attend`, `shift add`, `battle check`, `battle report`
/// and the import of battle records all judge sessions here, whether one session or a whole battle.
///
/// Each judged session is given, of the other sessions overlapping it, only those the rules name:
/// the first `ScheduleRules.listedPerKind` of each person's and of the place's, in order of start
/// and id; the others are counted. A thousand sessions at one time stay a short scan each.
public enum ConflictEngine {
    /// Every judged session that has conflicts, in the order given, with its conflicts (hard first).
    public static func conflicts(in schedule: BattleSchedule, calendar: some BattleCalendar) -> [SessionConflicts] {
        let live = schedule.judged.filter { !$0.session.cancelled }
        guard !live.isEmpty else { return [] }
        let judgedIDs = Set(live.map(\.session.id))
        var candidates = live.map { Candidate(session: $0.session, people: $0.everyone) }
        candidates += schedule.others.filter { !$0.session.cancelled && !judgedIDs.contains($0.session.id) }
            .map { Candidate(session: $0.session, people: $0.people) }
        candidates.sort { ($0.session.start, $0.session.id) < ($1.session.start, $1.session.id) }
        let lanes = Lanes(candidates, battle: schedule.battle.id)

        var labels: [EntityID: SessionLabel] = [:]
        func labelled(_ session: Session) -> SessionLabel {
            if let known = labels[session.id] { return known }
            let made = SessionLabel(id: session.id, workshop: session.workshop.description, place: session.place,
                                    when: calendar.label(start: session.start, end: session.end))
            labels[session.id] = made
            return made
        }
        var days: [Int64: CivilDate] = [:]
        func day(_ instant: Int64) -> CivilDate {
            if let known = days[instant] { return known }
            let made = calendar.local(instant).date
            days[instant] = made
            return made
        }

        var result: [SessionConflicts] = []
        for judged in live {
            let session = judged.session
            let people = Set(judged.bookings.map(\.person)), place = session.place.lowercased()
            var chosen = Set<Int>()
            var totals: [EntityID: Int] = [:]
            for person in people {
                guard let lane = lanes.byPerson[person] else { continue }
                chosen.formUnion(lane.first(ScheduleRules.listedPerKind, overlapping: session, in: candidates))
                totals[person] = lane.overlapping(session, in: candidates)
            }
            let placeLane = lanes.byPlace[place]
            if let placeLane { chosen.formUnion(placeLane.first(ScheduleRules.listedPerKind, overlapping: session, in: candidates)) }
            let around = chosen.sorted().map {
                ScheduleContext.Neighbour(session: candidates[$0].session, label: labelled(candidates[$0].session), people: candidates[$0].people)
            }
            var unlisted = ScheduleContext.Unlisted()
            for (person, total) in totals {
                unlisted.people[person] = total - around.count { $0.people.contains(person) }
            }
            unlisted.place = (placeLane?.overlapping(session, in: candidates) ?? 0)
                - around.count { $0.session.battle == session.battle && $0.session.place.lowercased() == place }
            let spans = judged.bookings.flatMap { booking in
                (schedule.shifts[booking.person] ?? []).filter { $0.start < session.end && $0.end > session.start }.map {
                    ScheduleContext.ShiftSpan(person: booking.person, start: $0.start, end: $0.end,
                                              localStart: calendar.local($0.start), localEnd: calendar.local($0.end))
                }
            }
            var context = ScheduleContext(
                battle: schedule.battle, firstDay: day(session.start), lastDay: day(session.end - 1),
                maxParticipants: judged.maxParticipants, workshopRef: session.workshop,
                prerequisites: judged.prerequisites.map { prerequisite in
                    session.workshop.curriculum.map { prerequisite.qualified(in: $0) } ?? prerequisite
                },
                bookings: judged.bookings, neighbours: around, shifts: spans, experience: schedule.experience)
            context.unlisted = unlisted
            context.minutes = judged.minutes
            context.minParticipants = judged.minParticipants
            context.attendedParticipants = judged.attendedParticipants
            let found = ScheduleRules.conflicts(of: session, in: context)
            if !found.isEmpty {
                result.append(SessionConflicts(session: session, label: labelled(session), conflicts: found, names: schedule.names))
            }
        }
        return result
    }

    /// Every prerequisite of a judged session (not cancelled) that a participant meets only by a
    /// registration in an earlier session of the battle (`Experience.plannedIn`): what `battle check`
    /// shows as planned. In the order of the judged sessions, then of their bookings, then of the prerequisites.
    public static func plannedPrerequisites(in schedule: BattleSchedule, calendar: some BattleCalendar) -> [PlannedPrerequisite] {
        let sessions = Dictionary(schedule.judged.map { ($0.session.id, $0.session) }) { first, _ in first }
        func label(_ session: Session) -> SessionLabel {
            SessionLabel(id: session.id, workshop: session.workshop.description, place: session.place,
                         when: calendar.label(start: session.start, end: session.end))
        }
        var result: [PlannedPrerequisite] = []
        for judged in schedule.judged where !judged.session.cancelled {
            let session = judged.session
            let prerequisites = judged.prerequisites.map { prerequisite in
                session.workshop.curriculum.map { prerequisite.qualified(in: $0) } ?? prerequisite
            }
            // In the order of the bookings (by name, then id).
            for person in judged.bookings.filter({ $0.role == .participant }).map(\.person) {
                for prerequisite in prerequisites where !schedule.experience.knew(person, prerequisite, by: session.start) {
                    guard let earlier = schedule.experience.plannedIn(person, prerequisite, by: session.start) else { continue }
                    result.append(PlannedPrerequisite(session: label(session), person: person, prerequisite: prerequisite,
                                                      plannedIn: sessions[earlier].map(label)
                                                          ?? SessionLabel(id: earlier, workshop: prerequisite.description, place: "", when: "")))
                }
            }
        }
        return result
    }

    /// A session that may neighbour a judged one.
    private struct Candidate {
        let session: Session
        let people: Set<EntityID>
        var place: String { session.place.lowercased() }
    }

    /// The candidates of each person, and of each place of the battle, as indices into the
    /// candidates sorted by (start, id), with their ends sorted apart: the first few that overlap a
    /// session are a short scan, and how many overlap in all two binary searches.
    private struct Lanes {
        struct Lane {
            var members: [Int] = []
            var ends: [Int64] = []

            mutating func add(_ index: Int, _ end: Int64) {
                members.append(index)
                ends.append(end)
            }

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
                for person in candidate.people { byPerson[person, default: Lane()].add(index, candidate.session.end) }
                if candidate.session.battle == battle { byPlace[candidate.place, default: Lane()].add(index, candidate.session.end) }
            }
            for key in byPerson.keys { byPerson[key]?.ends.sort() }
            for key in byPlace.keys { byPlace[key]?.ends.sort() }
        }
    }
}
