import FormationDomain
import FormationUseCases
import FormationViews

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
        start = ISO8601Local.string(entry.session.start, clock)
        end = ISO8601Local.string(entry.session.end, clock)
        place = entry.session.place
        cancelled = entry.session.cancelled
        facilitators = entry.facilitators.map { PersonRefJSON(id: $0.id.rawValue, name: $0.name) }
        participants = entry.participants
        attended = entry.attended
    }
}

/// A conflict in JSON (`battle check`, `battle report`): its kind, whether it blocks, whether a
/// facilitator forced it, and the message in both languages.
struct ConflictJSON: Encodable {
    let kind: String
    let hard: Bool
    let forced: Bool
    let message: [String: String]

    init(_ open: BattleReport.OpenConflict, _ names: PersonNames) {
        kind = open.conflict.kind.rawValue
        hard = open.conflict.isHard
        forced = open.forced
        message = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, open.conflict.message(names).text($0)) })
    }
}

/// One session's conflicts in JSON.
struct SessionConflictsJSON: Encodable {
    let session: String
    let label: String
    let conflicts: [ConflictJSON]

    init(_ entry: BattleReport.SessionConflictReport) {
        session = entry.session.id.rawValue
        label = entry.label.description
        conflicts = entry.conflicts.map { ConflictJSON($0, entry.names) }
    }
}

/// A prerequisite met only by a planned session, in `battle check --format json`.
struct PlannedPrerequisiteJSON: Encodable {
    let person: String
    let name: String
    let prerequisite: String
    let plannedIn: String
    let plannedInLabel: String
    let message: [String: String]

    init(_ planned: PlannedPrerequisite, _ names: PersonNames) {
        person = planned.person.rawValue
        name = names[planned.person]
        prerequisite = planned.prerequisite.description
        plannedIn = planned.plannedIn.id.rawValue
        plannedInLabel = planned.plannedIn.description
        message = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, planned.message(names).text($0)) })
    }
}

/// A session in `battle check --format json`: its conflicts and the prerequisites only planned.
struct BattleCheckSessionJSON: Encodable {
    let session: String
    let label: String
    let conflicts: [ConflictJSON]
    let plannedPrerequisites: [PlannedPrerequisiteJSON]

    static func all(_ check: BattleCheck) -> [BattleCheckSessionJSON] {
        check.sessions.map { entry in
            BattleCheckSessionJSON(session: entry.id.rawValue, label: entry.label.description,
                                   conflicts: entry.conflicts.map { found in found.conflicts.map { ConflictJSON($0, found.names) } } ?? [],
                                   plannedPrerequisites: entry.planned.map { PlannedPrerequisiteJSON($0, check.names) })
        }
    }
}

/// `battle show --format json`: the battle and its sessions.
struct BattleTimetableJSON: Encodable {
    let battle: BattleJSON
    let sessions: [SessionJSON]

    init(_ timetable: Timetable) {
        battle = BattleJSON(timetable.battle)
        sessions = timetable.sessions.map { SessionJSON($0, title: timetable.title($0), clock: timetable.clock) }
    }

    /// The battle's own keys, then `sessions`, in one object.
    func encode(to encoder: any Encoder) throws {
        try battle.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(sessions, forKey: .sessions)
    }

    private enum Key: String, CodingKey { case sessions }
}
