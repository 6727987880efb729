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

    /// The instant of a wall-clock time typed by a person, checked against the zone's clock changes.
    ///
    /// - Returns: the instant, and a note when the time happens twice (the night the clocks go back):
    ///   the first is taken and the note says so. Not an error.
    /// - Throws: `DomainError.nonexistentLocalTime` for a time the clocks skip (the night they jump
    ///   forward), naming the jump: storing it would silently shorten or move the session.
    public func resolve(_ local: LocalDateTime) throws(DomainError) -> (instant: Int64, note: Message?) {
        // The wall-clock reading as if it were UTC; an instant `t` shows it when t + offset(t) == naive.
        let naive = Int64(local.date.daysSinceEpoch) * 86_400 + Int64(local.hour * 3600 + local.minute * 60)
        let before = offsetSeconds(naive - 86_400), after = offsetSeconds(naive + 86_400)
        let shows = Set([before, after]).map { naive - $0 }.filter { $0 + offsetSeconds($0) == naive }.sorted()
        if shows.count == 1 { return (shows[0], nil) }
        let change = firstChange(after: naive - 86_400, before: naive + 86_400, from: before)
        let from = Self.clockText(change + before), to = Self.clockText(change + after)
        guard let first = shows.first else {
            throw .nonexistentLocalTime(time: local.description, zone: timeZone, from: from, to: to)
        }
        return (first, Message(.repeatedLocalTime, local.description, timeZone, from, to, Self.offsetText(max(before, after))))
    }

    private func offsetSeconds(_ instant: Int64) -> Int64 {
        Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
    }

    /// The first instant in `(low, high]` whose offset is not `offset`, by bisection (the zone's clock
    /// changes are months apart, so there is one in two days at most).
    private func firstChange(after low: Int64, before high: Int64, from offset: Int64) -> Int64 {
        var low = low, high = high
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if offsetSeconds(middle) == offset { low = middle } else { high = middle }
        }
        return high
    }

    /// `HH:MM` of a wall-clock reading in seconds.
    private static func clockText(_ wall: Int64) -> String {
        let seconds = ((wall % 86_400) + 86_400) % 86_400
        return "\(pad(seconds / 3600)):\(pad(seconds % 3600 / 60))"
    }

    /// `UTC+02:00`, `UTC-04:30`.
    private static func offsetText(_ offset: Int64) -> String {
        "UTC\(offset < 0 ? "-" : "+")\(pad(abs(offset) / 3600)):\(pad(abs(offset) % 3600 / 60))"
    }

    private static func pad(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }

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
