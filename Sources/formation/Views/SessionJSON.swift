import FormationDomain
import FormationStorage
import FormationUseCases

struct PersonRefJSON: Encodable {
    let id: String
    let name: String
}

/// A session in JSON: times are ISO 8601 with the battle's UTC offset.
struct SessionJSON: Encodable {
    let id: String
    let battle: String
    let workshop: String
    let title: TextJSON
    let start: String
    let end: String
    let place: String
    let cancelled: Bool
    let facilitators: [PersonRefJSON]
    let participants: Int
    let attended: Int

    init(_ entry: SessionEntry, title: LocalizedText, clock: LocalClock) {
        id = entry.session.id.rawValue
        battle = entry.session.battle.rawValue
        workshop = entry.session.workshop.description
        self.title = TextJSON(title)
        start = ISOTime.string(entry.session.start, clock)
        end = ISOTime.string(entry.session.end, clock)
        place = entry.session.place
        cancelled = entry.session.cancelled
        facilitators = entry.facilitators.map { PersonRefJSON(id: $0.id.rawValue, name: $0.name) }
        participants = entry.participants
        attended = entry.attended
    }
}

/// A conflict in JSON: its kind, whether it blocks, and the message in both languages.
struct ConflictJSON: Encodable {
    let kind: String
    let hard: Bool
    let message: [String: String]

    init(_ conflict: ScheduleConflict) {
        kind = conflict.kind
        hard = conflict.isHard
        message = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, conflict.message.text($0)) })
    }
}

struct SessionConflictsJSON: Encodable {
    let session: String
    let label: String
    let conflicts: [ConflictJSON]
}

enum ISOTime {
    /// `2026-12-01T09:00:00-04:00`.
    static func string(_ instant: Int64, _ clock: LocalClock) -> String {
        let local = clock.local(instant)
        let offset = clock.offset(at: instant)
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset) / 3600, minutes = abs(offset) % 3600 / 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(local.date)T\(local.clock):00\(sign)\(two(hours)):\(two(minutes))"
    }
}

/// `battle show --format json`: the battle and its sessions.
struct BattleTimetableJSON: Encodable {
    let id: String
    let name: String
    let plant: String
    let plantId: String
    let state: String
    let start: String
    let end: String
    let days: Int
    let timeZone: String
    let sessions: [SessionJSON]

    init(_ timetable: Timetable) {
        let battle = BattleJSON(timetable.battle)
        id = battle.id
        name = battle.name
        plant = battle.plant
        plantId = battle.plantId
        state = battle.state
        start = battle.start
        end = battle.end
        days = battle.days
        timeZone = battle.timeZone
        sessions = timetable.sessions.map { SessionJSON($0, title: timetable.title($0), clock: timetable.clock) }
    }
}
