import FormationDomain
import FormationUseCases

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
            lines.append(contentsOf: session(entry, detail: t(.historyTaughtBy, [names(entry.facilitators, language)]), language))
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
                lines.append("    " + recognisedDetail(entry, language))
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

    /// `recognised on 2026-11-20, not attended, no hours · vouched for by María Pérez · thirty years…`
    static func recognisedDetail(_ entry: RecognisedLearning, _ language: Language) -> String {
        var parts = [T.t(.historyQualifiedLine, language, entry.recorded.description)]
        if let by = entry.by { parts.append(T.t(.historyQualifiedBy, language, by.name)) }
        if let note = entry.note { parts.append(note) }
        return parts.joined(separator: " · ")
    }

    static func names(_ people: [PersonName], _ language: Language) -> String {
        people.isEmpty ? T.t(.none, language) : people.map(\.name).joined(separator: ", ")
    }
}

/// Small pieces the history, report and lineage views share.
enum Views {
    /// `Saturday, March 15, 2025, 09:00–11:30` in the battle's zone; both days when it spans midnight.
    static func when(_ session: Session, _ clock: LocalClock, _ language: Language) -> String {
        let from = clock.local(session.start), to = clock.local(session.end)
        let day = LocalFormat.longDate(from.date, language)
        if from.date == to.date { return "\(day), \(from.clock)–\(to.clock)" }
        return "\(day), \(from.clock) – \(LocalFormat.longDate(to.date, language)), \(to.clock)"
    }

    static func hours(_ hours: Double, _ language: Language) -> String {
        LocalFormat.number(Hours.rounded(hours), fractionDigits: 2, language) + " h"
    }

    static func category(_ category: WorkshopCategory?, _ language: Language) -> String {
        category.map { TextViews.category($0, language) } ?? TextViews.t(.reportUnknownCategory, language)
    }
}

extension String {
    /// Only the first letter upper-cased (`lunes 1 de…` → `Lunes 1 de…`), the rest untouched.
    var capitalizedFirstLetter: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
