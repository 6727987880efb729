/// Dates and times as people type them on the command line: in Venezuela a date is
/// written day first (`1/12/2026`), a time often as `14h` or `9.00`. Files keep the strict ISO forms
/// (`CivilDate(iso:)`, `LocalDateTime(parsing:)`); these forgiving ones are for what a person types,
/// and when they refuse, they say why (`2026-02-30`: February 2026 has 28 days).
extension CivilDate {
    /// Parses `2026-12-01`, `2026-12-1`, `1/12/2026`, `01/12/2026` or `1-12-2026` (day first).
    ///
    /// - Throws: `DomainError.dayOutOfMonth` for a day the month does not have, `.monthOutOfRange`
    ///   for a month past 12, `.invalidTypedDate` for anything that is not a date (its message shows
    ///   the forms it takes).
    public init(typed text: String) throws(DomainError) {
        let trimmed = text.trimmed
        guard let fields = Self.numberFields(trimmed) else { throw .invalidTypedDate(text) }
        let year: Int, month: Int, day: Int
        if fields.separator == "-", fields.numbers.count == 3, fields.widths[0] == 4 {
            (year, month, day) = (fields.numbers[0], fields.numbers[1], fields.numbers[2])
        } else if fields.numbers.count == 3, fields.widths[2] == 4, fields.widths[0] <= 2, fields.widths[1] <= 2 {
            (day, month, year) = (fields.numbers[0], fields.numbers[1], fields.numbers[2])
        } else {
            throw .invalidTypedDate(text)
        }
        guard (1...12).contains(month) else { throw .monthOutOfRange(date: trimmed, month: month) }
        guard (1900...9999).contains(year) else { throw .invalidTypedDate(text) }
        let days = CivilDate.daysIn(month: month, year: year)
        guard (1...days).contains(day) else { throw .dayOutOfMonth(date: trimmed, month: month, year: year, days: days) }
        try self.init(year: year, month: month, day: day)
    }

    /// Digits separated by one kind of separator (`-`, `/` or `.`): the numbers, how many digits
    /// each had, and the separator; nil for anything else.
    fileprivate static func numberFields(_ text: String) -> (numbers: [Int], widths: [Int], separator: Unicode.Scalar)? {
        var numbers: [Int] = [], widths: [Int] = [], separator: Unicode.Scalar?
        var current = 0, width = 0
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                guard width < 4 else { return nil }
                current = current * 10 + Int(scalar.value - 48)
                width += 1
            } else if ["-", "/", "."].contains(scalar), width > 0, separator == nil || separator == scalar {
                separator = scalar
                numbers.append(current)
                widths.append(width)
                (current, width) = (0, 0)
            } else {
                return nil
            }
        }
        guard width > 0, let separator else { return nil }
        return (numbers + [current], widths + [width], separator)
    }
}

extension LocalDateTime {
    /// Parses a day (any form `CivilDate(typed:)` takes) and a time of day, separated by a space or a
    /// `T`: `2026-12-01 14:00`, `1/12/2026 14h`, `2026-12-1 9h30`, `1/12/2026 09.00`.
    ///
    /// - Throws: what `CivilDate(typed:)` throws for the day, `DomainError.invalidTime` for a time that
    ///   is not one (`25h`, `10:75`), `.invalidDateTime` when the text is not a day and a time.
    public init(typed text: String) throws(DomainError) {
        let parts = text.trimmed.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2 else { throw .invalidDateTime(text) }
        let date: CivilDate
        do { date = try CivilDate(typed: String(parts[0])) } catch {
            if case .invalidTypedDate = error { throw .invalidDateTime(text) }
            throw error
        }
        let (hour, minute) = try Self.timeOfDay(String(parts[1]), whole: text)
        try self.init(date: date, hour: hour, minute: minute)
    }

    /// `9:00`, `09:00`, `9h`, `14h`, `14h30`, `09.00`: hour and minute.
    static func timeOfDay(_ text: String, whole: String) throws(DomainError) -> (hour: Int, minute: Int) {
        var hour = 0, minute = 0, hourDigits = 0, minuteDigits = 0, separator: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                let digit = Int(scalar.value - 48)
                if separator == nil {
                    guard hourDigits < 2 else { throw .invalidDateTime(whole) }
                    hour = hour * 10 + digit
                    hourDigits += 1
                } else {
                    guard minuteDigits < 2 else { throw .invalidDateTime(whole) }
                    minute = minute * 10 + digit
                    minuteDigits += 1
                }
            } else if [":", ".", "h", "H"].contains(scalar), separator == nil, hourDigits > 0 {
                separator = scalar
            } else {
                throw .invalidDateTime(whole)
            }
        }
        guard hourDigits > 0, let separator else { throw .invalidDateTime(whole) }
        // `14h` alone is an hour; `14:` or `14.` is not a time, and minutes take two digits (`9h05`).
        let hoursOnly = (separator == "h" || separator == "H") && minuteDigits == 0
        guard hoursOnly || minuteDigits == 2 else { throw .invalidDateTime(whole) }
        guard (0...23).contains(hour), (0...59).contains(minute) else { throw .invalidTime(text) }
        return (hour, minute)
    }
}
