public import FormationDomain
public import FormationStorage
internal import Foundation

/// What a battle's learning space gave : sessions, hours, people, new facilitators,
/// attendance, and the conflicts still open. Computed from participations each time.
public struct BattleReport: Sendable {
    /// Sessions of one workshop (or one category) at the battle.
    public struct Tally: Sendable, Equatable {
        /// Sessions not cancelled (held or still to come).
        public var sessions = 0
        /// Of those, the ones that have ended.
        public var held = 0
        /// Participants who attended them.
        public var attended = 0
        /// Person-hours of learning: each attending participant × the session's hours.
        public var learningHours = 0.0
    }

    public struct WorkshopTally: Sendable, Equatable {
        public let workshop: WorkshopRef
        public let title: LocalizedText
        public let category: WorkshopCategory?
        public let tally: Tally
    }

    public struct CategoryTally: Sendable, Equatable {
        /// nil: workshops whose curriculum is no longer stored.
        public let category: WorkshopCategory?
        public let tally: Tally
    }

    /// A conflict of `battle check`, and whether a facilitator forced it (it was recorded).
    public struct OpenConflict: Sendable, Equatable {
        public let conflict: ScheduleConflict
        public let forced: Bool
    }

    public struct SessionConflictReport: Sendable, Equatable {
        public let session: Session
        public let label: SessionLabel
        public let conflicts: [OpenConflict]
        /// The names the conflicts' messages need.
        public let names: PersonNames
    }

    /// `found`, each conflict marked forced when `forced` holds its record: `battle check` and
    /// `battle report` mark them here, so they cannot disagree.
    static func marking(_ found: [SessionConflicts], forced: [RecordedConflict]) -> [SessionConflictReport] {
        // One lookup per conflict, not a scan of every recorded one (a battle may hold thousands of each).
        let recorded = Set(forced)
        return found.map { entry in
            SessionConflictReport(session: entry.session, label: entry.label, conflicts: entry.conflicts.map { conflict in
                OpenConflict(conflict: conflict, forced: recorded.contains(conflict.recorded(on: entry.session.id)))
            }, names: entry.names)
        }
    }

    public let battle: BattleEntry
    public let clock: LocalClock
    /// Sessions not cancelled that have ended.
    public let held: Int
    public let cancelled: Int
    /// Sessions not cancelled that have not ended yet.
    public let planned: Int
    /// Hours of the held sessions, end to end.
    public let sessionHours: Double
    /// Person-hours of learning in every session not cancelled: each attending participant × hours.
    public let learningHours: Double
    /// Distinct people who attended at least one session as participants.
    public let participants: Int
    /// Distinct people who taught at least one session.
    public let facilitators: Int
    /// Participants of held sessions: everyone registered (any status), those who came, those absent.
    public let registered: Int
    public let attended: Int
    public let absent: Int
    /// People who taught here and had never taught before (in any other battle, any workshop).
    public let newFacilitators: [PersonName]
    public let workshops: [WorkshopTally]
    public let categories: [CategoryTally]
    public let conflicts: [SessionConflictReport]

    /// attended / registered in held sessions; nil when nobody was registered.
    public var attendanceRate: Double? { registered == 0 ? nil : Double(attended) / Double(registered) }

    /// - Parameter now: seconds since 1970: sessions that end later are planned, not held.
    public static func load(_ store: FormationStore, battle: String, now: Int64 = Counting.now()) throws -> BattleReport {
        let battleID = try store.resolve(.battle, battle)
        guard let entry = try store.battle(battleID) else { throw LookupError.notFound(kind: .battle, query: battle) }
        let clock = try LocalClock(timeZone: entry.battle.timeZone)
        let scheduling = Scheduling(store: store)

        return try store.reading { tx in
            // One read of the battle serves the open conflicts and the tallies.
            let sessions = try tx.sessionsWithNames(ofBattle: battleID)
            let judgement = try scheduling.conflicts(ofBattle: entry.battle, clock: clock, sessions: sessions, tx)
            let (open, knowledge) = (judgement.conflicts, judgement.knowledge)
            // Only titles and categories: the rest of each workshop's content is not decoded.
            var workshops: [WorkshopRef: (title: LocalizedText, category: WorkshopCategory)] = [:]
            for ref in Set(sessions.map(\.session.workshop)) {
                if let curriculum = ref.curriculum, let found = try tx.workshopHeading(curriculum, ref.workshop) { workshops[ref] = found }
            }
            var held = 0, cancelled = 0, planned = 0, registered = 0, attended = 0, absent = 0
            var sessionHours = 0.0, learningHours = 0.0
            var learners = Set<EntityID>()
            var firstTaught: [EntityID: (start: Int64, name: String)] = [:]
            var byWorkshop: [WorkshopRef: Tally] = [:]
            var workshopOrder: [WorkshopRef] = []
            for (session, people) in sessions {
                if session.cancelled {
                    cancelled += 1
                    continue
                }
                let ended = session.end <= now
                if ended { held += 1; sessionHours += Counting.hours(session) } else { planned += 1 }
                let came = people.filter { Counting.attended(role: $0.participation.role, status: $0.participation.status, session: session) }
                learners.formUnion(came.map(\.participation.person))
                learningHours += Double(came.count) * Counting.hours(session)
                if ended {
                    let participants = people.filter { $0.participation.role == .participant }
                    registered += participants.count
                    attended += came.count
                    absent += participants.filter { $0.participation.status == .absent }.count
                }
                for person in people where Counting.taught(role: person.participation.role, status: person.participation.status, session: session, now: now) {
                    if firstTaught[person.participation.person].map({ session.start < $0.start }) ?? true {
                        firstTaught[person.participation.person] = (session.start, person.name)
                    }
                }
                if byWorkshop[session.workshop] == nil { workshopOrder.append(session.workshop) }
                byWorkshop[session.workshop, default: Tally()].add(session: session, ended: ended, attended: came.count)
            }
            // Everyone who taught here is a facilitator booked here, so `knowledge` knows when they first
            // taught in another battle: a new facilitator had taught nowhere else before teaching here
            // (a session elsewhere that ended before their first one here started).
            var newFacilitators: [PersonName] = []
            for (person, first) in firstTaught where !(knowledge.firstTaughtElsewhere[person].map { $0 <= first.start } ?? false) {
                newFacilitators.append(PersonName.named(person, first.name))
            }
            newFacilitators.sort { ($0.name, $0.id) < ($1.name, $1.id) }

            let workshopTallies = workshopOrder.sorted().map { ref in
                WorkshopTally(workshop: ref, title: workshops[ref]?.title ?? LocalizedText([.init(language: "en", text: ref.description)]),
                              category: workshops[ref]?.category, tally: byWorkshop[ref]!)
            }
            var byCategory: [WorkshopCategory?: Tally] = [:]
            for tally in workshopTallies { byCategory[tally.category, default: Tally()].merge(tally.tally) }
            let categories = (WorkshopCategory.allCases.map(Optional.some) + [nil]).compactMap { category in
                byCategory[category].map { CategoryTally(category: category, tally: $0) }
            }

            let conflicts = marking(open, forced: try tx.recordedConflicts(ofBattle: battleID))
            return BattleReport(battle: entry, clock: clock, held: held, cancelled: cancelled, planned: planned,
                                sessionHours: sessionHours, learningHours: learningHours, participants: learners.count,
                                facilitators: firstTaught.count, registered: registered, attended: attended, absent: absent,
                                newFacilitators: newFacilitators, workshops: workshopTallies, categories: categories,
                                conflicts: conflicts)
        }
    }
}

extension BattleReport.Tally {
    mutating func add(session: Session, ended: Bool, attended: Int) {
        sessions += 1
        if ended { held += 1 }
        self.attended += attended
        learningHours += Double(attended) * Counting.hours(session)
    }

    mutating func merge(_ other: BattleReport.Tally) {
        sessions += other.sessions
        held += other.held
        attended += other.attended
        learningHours += other.learningHours
    }
}
