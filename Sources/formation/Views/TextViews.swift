import FormationDomain
import FormationUseCases
import FormationViews

/// The human-readable renderings of lists and shows, in the reader's language.
extension TextViews {
    static func plants(_ plants: [Plant], _ language: Language) -> String {
        guard !plants.isEmpty else { return t(.emptyList, language) }
        var table = Table(t(.headingID, language), t(.headingName, language), t(.headingState, language),
                          t(.headingSector, language), t(.headingOwnership, language))
        for plant in plants {
            table.add(plant.id.short, plant.name, plant.state, plant.sector ?? "", ownership(plant.ownership, language))
        }
        return table.render()
    }

    static func people(_ people: [PersonEntry], _ language: Language) -> String {
        guard !people.isEmpty else { return t(.emptyList, language) }
        var table = Table(t(.headingID, language), t(.headingName, language), t(.headingPlant, language),
                          t(.headingSector, language), t(.headingRetired, language))
        for entry in people {
            table.add(entry.person.id.short, entry.person.name, entry.plantName ?? "",
                      entry.person.sector.map { sector($0, language) } ?? "", t(entry.person.retired ? .yes : .no, language))
        }
        return table.render()
    }

    static func person(_ entry: PersonEntry, _ language: Language) -> String {
        let person = entry.person
        return fields([
            (t(.headingName, language), person.name),
            (t(.headingID, language), person.id.rawValue),
            (t(.headingPlant, language), entry.plantName ?? t(.none, language)),
            (t(.headingSector, language), person.sector.map { sector($0, language) } ?? ""),
            (t(.headingRetired, language), t(person.retired ? .yes : .no, language)),
        ])
    }

    static func battles(_ battles: [BattleEntry], _ language: Language) -> String {
        guard !battles.isEmpty else { return t(.emptyList, language) }
        var table = Table(t(.headingID, language), t(.headingName, language), t(.headingPlant, language),
                          t(.headingStart, language), t(.headingEnd, language))
        for entry in battles {
            table.add(entry.battle.id.short, entry.battle.name, entry.plantName,
                      entry.battle.start.description, entry.battle.end.description)
        }
        return table.render()
    }

    static func battle(_ entry: BattleEntry, _ language: Language) -> String {
        let battle = entry.battle
        return fields([
            (t(.headingName, language), battle.name),
            (t(.headingID, language), battle.id.rawValue),
            (t(.headingPlant, language), "\(entry.plantName) (\(entry.plantState))"),
            (t(.headingStart, language), LocalFormat.longDate(battle.start, language)),
            (t(.headingEnd, language), LocalFormat.longDate(battle.end, language)),
            (t(.headingDays, language), String(battle.days)),
            (t(.headingTimeZone, language), battle.timeZone),
        ])
    }

    /// `Label: value` lines with the values aligned.
    static func fields(_ pairs: [(String, String)]) -> String {
        let width = pairs.map { Table.width($0.0) }.max() ?? 0
        return pairs.map { label, value in
            label.capitalizedFirst + ":" + String(repeating: " ", count: width - Table.width(label) + 1) + value
        }.joined(separator: "\n")
    }

    static func ownership(_ ownership: Ownership, _ language: Language) -> String { t(ownership.messageID, language) }

    static func sector(_ sector: Sector, _ language: Language) -> String { t(sector.messageID, language) }
}
