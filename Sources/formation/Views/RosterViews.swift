import FormationDomain
import FormationUseCases
import FormationViews

/// `battle roster` as text: a heading, then one line a person with their days and why they are on it.
enum RosterViews {
    static func text(_ roster: BattleRoster, _ language: Language) -> String {
        let heading = Message(.rosterHeading, roster.battle.name, String(roster.lines.count)).text(language)
        guard !roster.lines.isEmpty else { return heading + "\n" + Message(.emptyList).text(language) }
        var table = Table(Message(.headingID).text(language), Message(.headingName).text(language), Message(.headingFrom).text(language),
                          Message(.headingTo).text(language), Message(.headingWhy).text(language))
        for line in roster.lines {
            table.add(line.person.id.short, line.person.name, line.from.description, line.to.description, why(line, language))
        }
        return heading + "\n" + table.render()
    }

    static func why(_ line: BattleRoster.Line, _ language: Language) -> String {
        let reasons: [MessageID] = (line.joined ? [.rosterWhyJoined] : []) + (line.hasShifts ? [.rosterWhyShifts] : [])
            + (line.hasSessions ? [.rosterWhySessions] : [])
        return reasons.map { Message($0).text(language) }.joined(separator: ", ")
    }
}

/// One person of `battle roster --format json`: `{"id", "name", "from", "to", "joined", "shifts", "sessions"}`.
struct RosterLineJSON: Encodable {
    /// The whole roster, a person a line.
    static func all(_ roster: BattleRoster) -> [RosterLineJSON] { roster.lines.map(RosterLineJSON.init) }

    let id: String
    let name: String
    let from: String
    let to: String
    let joined: Bool
    let shifts: Bool
    let sessions: Bool

    init(_ line: BattleRoster.Line) {
        id = line.person.id.rawValue
        name = line.person.name
        from = line.from.description
        to = line.to.description
        joined = line.joined
        shifts = line.hasShifts
        sessions = line.hasSessions
    }
}
