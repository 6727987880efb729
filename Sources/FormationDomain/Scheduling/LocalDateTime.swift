/// A wall-clock time as typed by a facilitator (`2026-12-01 14:30`), in the battle's time zone.
/// Turning it into an instant needs the zone database, which the use-case layer owns.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: CivilDate
    public let hour: Int
    public let minute: Int

    public init(date: CivilDate, hour: Int, minute: Int) throws(DomainError) {
        guard (0...23).contains(hour), (0...59).contains(minute) else {
            throw .invalidValue(field: "time", value: "\(pad2(hour)):\(pad2(minute))")
        }
        self.date = date
        self.hour = hour
        self.minute = minute
    }

    /// 00:00 on `date`.
    public static func midnight(_ date: CivilDate) -> LocalDateTime {
        LocalDateTime(unchecked: date, hour: 0, minute: 0)
    }

    private init(unchecked date: CivilDate, hour: Int, minute: Int) {
        self.date = date
        self.hour = hour
        self.minute = minute
    }

    /// Parses `YYYY-MM-DD HH:MM` (a `T` may stand for the space).
    public init(parsing text: String) throws(DomainError) {
        let trimmed = text.trimmed
        let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2 else { throw .invalidDateTime(text) }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2, clock.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hour = Int(clock[0]), let minute = Int(clock[1]),
              clock[1].count == 2
        else { throw .invalidDateTime(text) }
        do {
            try self.init(date: CivilDate(iso: String(parts[0])), hour: hour, minute: minute)
        } catch {
            throw .invalidDateTime(text)
        }
    }

    public var description: String { "\(date) \(pad2(hour)):\(pad2(minute))" }
    public var clock: String { "\(pad2(hour)):\(pad2(minute))" }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.hour, lhs.minute) < (rhs.date, rhs.hour, rhs.minute)
    }
}
