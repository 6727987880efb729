import FormationDomain
import FormationUseCases
import FormationViews

/// A worker's learning history for the terminal, in the reader's language.
enum HistoryText {
    typealias T = TextViews

    static func render(_ history: LearningHistory, _ language: Language) -> String {
        let t = { (id: MessageID, arguments: [String]) in T.t(id, language, arguments) }
        var lines: [String] = []
        let person = history.person
        lines.append(t(.historyHeading, [person.person.name]) + (person.plantName.map { " — \($0)" } ?? ""))
        lines.append(t(.historyTotals, [Views.hours(history.hoursAttended, language), Views.hours(history.hoursTaught, language)]))

        lines.append("")
        lines.append(t(.historyAttended, [String(history.attended.count)]))
        if history.attended.isEmpty { lines.append("  " + t(.historyNothingAttended, [])) }
        for entry in history.attended {
            lines.append(contentsOf: session(entry, detail: t(.historyTaughtBy, [Views.names(entry.facilitators, language)]), language))
        }

        lines.append("")
        lines.append(t(.historyTaught, [String(history.taught.count)]))
        if history.taught.isEmpty { lines.append("  " + t(.historyNothingTaught, [])) }
        for entry in history.taught {
            lines.append(contentsOf: session(entry, detail: t(.historyAttendedCount, [String(entry.attended), String(entry.participants)]), language))
        }

        if !history.recognised.isEmpty {
            lines.append("")
            lines.append(t(.historyQualified, [String(history.recognised.count)]))
            for entry in history.recognised {
                lines.append("  \(T.text(entry.title, language)) [\(entry.workshop)]")
                lines.append("    " + Views.recognisedDetail(entry, language))
            }
        }
        lines.append("")
        lines.append(t(.historyCompetencies, []))
        if history.competencies.isEmpty { lines.append("  " + t(.historyNoneYet, [])) }
        for competency in history.competencies {
            lines.append("  - \(T.text(competency.text, language)) [\(competency.workshop)]")
        }

        lines.append("")
        lines.append(t(.historyReadyFor, []))
        if history.readyFor.isEmpty { lines.append("  " + t(.historyNothingReady, [])) }
        for entry in history.readyFor {
            lines.append("  - \(T.text(entry.workshop.title, language)) [\(entry.ref)]")
        }
        return lines.joined(separator: "\n")
    }

    private static func session(_ entry: HistorySession, detail: String, _ language: Language) -> [String] {
        let battle = entry.battle
        return [
            "  " + Views.when(entry.session, entry.clock, language).capitalizedFirstLetter,
            "    \(T.text(entry.title, language)) [\(entry.workshop)]",
            "    \(battle.battle.name), \(battle.plantName) (\(battle.plantState)) · \(entry.session.place) · "
                + Views.hours(entry.hours, language) + " · " + detail,
        ]
    }
}
