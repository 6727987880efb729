public import FormationDomain
public import FormationUseCases

/// Small pieces the history, report and lineage views share.
public enum Views {
    /// `Saturday, March 15, 2025, 09:00–11:30` in the battle's zone; both days when it spans midnight.
    public static func when(_ session: Session, _ clock: LocalClock, _ language: Language) -> String {
        let from = clock.local(session.start), to = clock.local(session.end)
        let day = LocalFormat.longDate(from.date, language)
        if from.date == to.date { return "\(day), \(from.clock)–\(to.clock)" }
        return "\(day), \(from.clock) – \(LocalFormat.longDate(to.date, language)), \(to.clock)"
    }

    public static func hours(_ hours: Double, _ language: Language) -> String {
        LocalFormat.number(Hours.rounded(hours), fractionDigits: 2, language) + " h"
    }

    public static func category(_ category: WorkshopCategory?, _ language: Language) -> String {
        category.map { TextViews.category($0, language) } ?? TextViews.t(.reportUnknownCategory, language)
    }

    /// `recognised on 2026-11-20, not attended, no hours · vouched for by María Pérez · thirty years…`
    public static func recognisedDetail(_ entry: RecognisedLearning, _ language: Language) -> String {
        var parts = [TextViews.t(.historyQualifiedLine, language, entry.recorded.description)]
        if let by = entry.by { parts.append(TextViews.t(.historyQualifiedBy, language, by.name)) }
        if let note = entry.note { parts.append(note) }
        return parts.joined(separator: " · ")
    }

    public static func names(_ people: [PersonName], _ language: Language) -> String {
        people.isEmpty ? TextViews.t(.none, language) : people.map(\.name).joined(separator: ", ")
    }
}

extension String {
    /// Only the first letter upper-cased (`lunes 1 de…` → `Lunes 1 de…`), the rest untouched.
    public var capitalizedFirstLetter: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}

/// Hours as every view rounds them.
public enum Hours {
    /// Two decimals at most: `2.5`, `1.33`.
    public static func rounded(_ hours: Double) -> Double { (hours * 100).rounded() / 100 }
}
