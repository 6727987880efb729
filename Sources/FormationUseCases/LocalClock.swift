public import FormationDomain
internal import Foundation

/// Turns a battle's wall-clock times into instants and back, in its IANA time zone.
public struct LocalClock: Sendable {
    public let timeZone: String
    private let zone: TimeZone
    private let calendar: Calendar

    public init(timeZone: String) throws(DomainError) {
        guard let zone = TimeZone(identifier: timeZone) else { throw .invalidTimeZone(timeZone) }
        self.timeZone = timeZone
        self.zone = zone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
    }

    /// Seconds since 1970 (UTC) of `local` in this zone. A time skipped by a daylight-saving jump
    /// moves forward, as clocks do.
    public func instant(_ local: LocalDateTime) -> Int64 {
        var components = DateComponents()
        components.year = local.date.year
        components.month = local.date.month
        components.day = local.date.day
        components.hour = local.hour
        components.minute = local.minute
        let date = calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
        return Int64(date.timeIntervalSince1970.rounded())
    }

    public func instant(parsing text: String) throws(DomainError) -> Int64 {
        instant(try LocalDateTime(parsing: text))
    }

    /// The local wall-clock time of `instant`.
    public func local(_ instant: Int64) -> LocalDateTime {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(instant)))
        let date = (try? CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)) ?? CivilDate(daysSinceEpoch: 0)
        return (try? LocalDateTime(date: date, hour: parts.hour ?? 0, minute: parts.minute ?? 0)) ?? .midnight(date)
    }

    /// The UTC offset at `instant`, in seconds (for iCalendar and schedule.xml).
    public func offset(at instant: Int64) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    /// Whether `instant` falls on a whole minute of this zone's clock, as every typed time does.
    public func isWholeMinute(_ instant: Int64) -> Bool {
        (instant + Int64(offset(at: instant))) % 60 == 0
    }

    /// `2026-12-01 14:00–16:00`, or with both dates when it spans midnight.
    public func label(start: Int64, end: Int64) -> String {
        let from = local(start), to = local(end)
        return from.date == to.date ? "\(from)–\(to.clock)" : "\(from)–\(to)"
    }
}
