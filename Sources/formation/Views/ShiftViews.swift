import FormationDomain
import FormationUseCases
import FormationViews

extension TextViews {
    /// `shift list`: one row a shift, in time order, with its local times.
    static func shifts(_ list: ShiftList, _ language: Language) -> String {
        guard !list.entries.isEmpty else { return t(.emptyList, language) }
        var table = Table(t(.headingID, language), t(.headingName, language), t(.headingWhen, language))
        for entry in list.entries {
            table.add(entry.shift.id.short, entry.person, list.clock.label(start: entry.shift.start, end: entry.shift.end))
        }
        return table.render()
    }
}

/// A shift in JSON: times are ISO 8601 with the battle's UTC offset, as sessions'.
struct ShiftJSON: Encodable {
    let id: String
    let battle: String
    let person: PersonRefJSON
    let start: String
    let end: String

    init(_ entry: ShiftList.Entry, _ list: ShiftList) {
        id = entry.shift.id.rawValue
        battle = entry.shift.battle.rawValue
        person = PersonRefJSON(id: entry.shift.person.rawValue, name: entry.person)
        start = ISO8601Local.string(entry.shift.start, list.clock)
        end = ISO8601Local.string(entry.shift.end, list.clock)
    }
}
