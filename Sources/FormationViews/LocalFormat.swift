public import FormationDomain
public import Foundation

/// Dates and numbers the way a reader of each language writes them
/// (Spanish: `lunes 1 de diciembre de 2026`, `1.234,5`; English: `Monday, December 1, 2026`, `1,234.5`).
public enum LocalFormat {
    public static func longDate(_ date: CivilDate, _ language: Language) -> String {
        let formatter = DateFormatter()
        formatter.locale = locale(language)
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = language == .es ? "EEEE d 'de' MMMM 'de' y" : "EEEE, MMMM d, y"
        var components = DateComponents()
        components.year = date.year
        components.month = date.month
        components.day = date.day
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let day = calendar.date(from: components) else { return date.description }
        return formatter.string(from: day)
    }

    public static func number(_ value: Double, fractionDigits: Int = 1, _ language: Language) -> String {
        let formatter = NumberFormatter()
        formatter.locale = locale(language)
        formatter.numberStyle = .decimal
        formatter.minimumFractionDigits = 0
        formatter.maximumFractionDigits = fractionDigits
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    /// `90 min` → `1 h 30 min`, language-neutral units.
    public static func minutes(_ minutes: Int) -> String {
        let hours = minutes / 60, rest = minutes % 60
        if hours == 0 { return "\(rest) min" }
        return rest == 0 ? "\(hours) h" : "\(hours) h \(rest) min"
    }

    /// `0:00`, `1:30`: minutes from the start of a session, as a lesson plan's outline counts them.
    public static func elapsed(_ minutes: Int) -> String {
        "\(minutes / 60):" + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)"
    }

    public static func locale(_ language: Language) -> Locale {
        Locale(identifier: language == .es ? "es_VE" : "en_US")
    }
}
