public import FormationDomain
public import FormationStorage
internal import FormationPlanning
internal import Foundation

/// What `battle plan` is asked: when learning may happen, where, which workshops, for how long.
public struct PlanRequest: Sendable, Equatable {
    /// Learning windows each day, as typed (`08:00-12:00`); empty: 08:00–12:00 and 14:00–18:00.
    public var windows: [String]
    /// Places by name; empty: the places the battle's sessions already use.
    public var places: [String]
    /// Workshops (refs or unambiguous bare ids); empty: every current workshop that someone on the
    /// roster has yet to learn and someone on it can teach.
    public var workshops: [String]
    /// Seconds the solver may search.
    public var timeLimit: Double

    public init(windows: [String] = [], places: [String] = [], workshops: [String] = [], timeLimit: Double = 10) {
        self.windows = windows
        self.places = places
        self.workshops = workshops
        self.timeLimit = timeLimit
    }

    public static let defaultWindows = ["08:00-12:00", "14:00-18:00"]

    /// `HH:MM-HH:MM` as minutes from midnight, start before end; nil when it is not one.
    public static func window(_ text: String) -> (start: Int, end: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = minutes(parts[0]), let end = minutes(parts[1]), start < end else { return nil }
        return (start, end)
    }

    private static func minutes(_ text: Substring) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 24 * 60 else { return nil }
        return h * 60 + m
    }
}

/// `battle plan`: reads the battle into a planning instance, asks the planner for the
/// sessions that teach the most, and applies them through the rules of `session add` and `attend`.
/// A use case that proposes (DESIGN.md §8): `plan` writes nothing.
public struct BattlePlanning: Sendable {
    public let store: FormationStore

    public init(store: FormationStore) { self.store = store }

    /// Whether a solver search left at its time limit is still running on its thread: the process
    /// must then end with `_exit`, not `exit` (`SolverThreads`).
    public static var solverStillRunning: Bool { SolverThreads.anyRunning }

    /// What the planner needs to know about the battle, with the names and sessions that turn its
    /// answer back into people and places.
    struct Reading {
        let battle: BattleEntry
        let clock: LocalClock
        let instance: PlanningInstance
        let names: [EntityID: String]
        /// The instance's fixed sessions, in its order.
        let fixed: [Session]
        let existing: [SessionEntry]
        let workshops: [WorkshopRef: Workshop]
    }

    /// The exact problem `plan` would solve, as the planner reads it.
    ///
    /// - Throws: `LookupError` for an unknown battle or workshop; `DomainError.invalidTime` for a
    ///   window that is not `HH:MM-HH:MM`. An empty roster or no place is not an error: the plan
    ///   says so in words.
    func read(battle: String, _ request: PlanRequest) throws -> Reading {
        let battleID = try store.resolve(.battle, battle)
        guard let entry = try store.battle(battleID) else { throw LookupError.notFound(kind: .battle, query: battleID.rawValue) }
        let wanted = try request.workshops.map { try store.workshop(WorkshopRef(parsing: $0)) }
        let current = request.workshops.isEmpty ? try store.workshops().filter { !$0.retired } : []
        let spans = try (request.windows.isEmpty ? PlanRequest.defaultWindows : request.windows).map { text in
            guard let span = PlanRequest.window(text) else { throw DomainError.invalidTime(text) }
            return span
        }
        let battle = entry.battle
        let clock = try LocalClock(timeZone: battle.timeZone)
        func instant(_ day: CivilDate, _ minutes: Int) -> Int64 {
            clock.instant(.midnight(day)) + Int64(minutes) * 60
        }
        let days = (0..<battle.days).map { battle.start.adding(days: $0) }
        return try store.reading { tx in
            let roster = try Scheduling.roster(of: battle, tx)
            let ids = roster.lines.map(\.person.id)
            let before = clock.instant(.midnight(battle.start))
            let experience = try tx.experience(of: ids)
            let shifts = Dictionary(grouping: try tx.shifts(ofBattle: battle.id), by: \.person)
            let existing = try tx.sessions(ofBattle: battle.id, includeCancelled: false)
            var fixed: [(Session, PlanningInstance.FixedSession)] = []
            var busy: [EntityID: [PlanningInstance.Interval]] = [:]
            for session in existing.map(\.session) {
                let people = try tx.participations(of: session.id).map(\.participation).filter { $0.status != .absent }
                for person in people { busy[person.person, default: []].append(.init(start: session.start, end: session.end)) }
                fixed.append((session, PlanningInstance.FixedSession(
                    workshop: session.workshop, place: session.place, start: session.start, end: session.end,
                    facilitators: people.filter { $0.role == .facilitator }.map(\.person.rawValue),
                    participants: people.filter { $0.role == .participant }.map(\.person.rawValue))))
            }
            let people = roster.lines.map { line in
                let person = line.person.id
                let free = stride(from: line.from.daysSinceEpoch, through: line.to.daysSinceEpoch, by: 1).map { day in
                    PlanningInstance.Interval(start: instant(CivilDate(daysSinceEpoch: day), 0), end: instant(CivilDate(daysSinceEpoch: day + 1), 0))
                }
                let held = (shifts[person] ?? []).map { PlanningInstance.Interval(start: $0.start, end: $0.end) } + (busy[person] ?? [])
                return PlanningInstance.Person(
                    id: person.rawValue, name: line.person.name, availability: PlanningInstance.Interval.free(free, minus: held),
                    taught: Self.before(before, experience.taught[person]), attended: Self.before(before, experience.attended[person]),
                    qualified: (experience.qualified[person] ?? []).sorted())
            }
            let teachers = Set(people.flatMap { $0.taught + $0.attended + $0.qualified }
                + fixed.flatMap { $0.1.facilitators.isEmpty ? [] : [$0.1.workshop] })
            let offered = wanted.isEmpty
                ? current.filter { entry in teachers.contains(entry.ref) && people.contains { !Self.knows($0, entry.ref) } }
                : wanted
            let places = try request.places.isEmpty ? tx.places(ofBattle: battle.id)
                : Self.unique(request.places.map { try Scheduling.battlePlace($0, battle.id, tx).0 })
            let instance = PlanningInstance(
                days: days.map { .init(start: instant($0, 0), end: instant($0.adding(days: 1), 0)) },
                windows: days.flatMap { day in spans.map { PlanningInstance.Interval(start: instant(day, $0.start), end: instant(day, $0.end)) } },
                places: places, people: people,
                workshops: offered.map { entry in
                    PlanningInstance.Workshop(ref: entry.ref, minutes: entry.workshop.durationMinutes, minParticipants: entry.workshop.minParticipants,
                                              maxParticipants: entry.workshop.maxParticipants,
                                              prerequisites: entry.workshop.prerequisites.map { $0.qualified(in: entry.curriculum) })
                },
                fixedSessions: fixed.map(\.1))
            var workshops = Dictionary(offered.map { ($0.ref, $0.workshop) }, uniquingKeysWith: { first, _ in first })
            for ref in Set(existing.map(\.session.workshop)) where workshops[ref] == nil {
                if let curriculum = ref.curriculum, let workshop = try tx.curricula.storedWorkshop(curriculum, ref.workshop) { workshops[ref] = workshop }
            }
            return Reading(battle: entry, clock: clock, instance: instance,
                           names: Dictionary(uniqueKeysWithValues: roster.lines.map { ($0.person.id, $0.person.name) }),
                           fixed: fixed.map(\.0), existing: existing, workshops: workshops)
        }
    }

    /// The workshops of `ends` (workshop → end of the first session) that ended by `instant`, sorted.
    private static func before(_ instant: Int64, _ ends: [WorkshopRef: Int64]?) -> [WorkshopRef] {
        (ends ?? [:]).filter { $0.value <= instant }.map(\.key).sorted()
    }

    private static func knows(_ person: PlanningInstance.Person, _ ref: WorkshopRef) -> Bool {
        person.taught.contains(ref) || person.attended.contains(ref) || person.qualified.contains(ref)
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert(NameFolding.key($0)).inserted }
    }
}
