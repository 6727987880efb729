/// A rule of the domain that some input broke. Each case carries what a person needs to fix it.
///
/// Rendered through the message catalogue (`Message`), so it reads in Spanish or English.
public enum DomainError: Error, Equatable, Sendable {
    case malformedIdentifier(String)
    case invalidDate(String)
    case invalidDateTime(String)
    /// A date typed on the command line that is none of the forms people use.
    case invalidTypedDate(String)
    case monthOutOfRange(date: String, month: Int)
    /// A day the month does not have (`2026-02-30`: February 2026 has 28 days).
    case dayOutOfMonth(date: String, month: Int, year: Int, days: Int)
    /// A time of day past 23:59.
    case invalidTime(String)
    case battleTooLong(start: String, end: String, days: Int)
    case invalidTimeZone(String)
    /// A wall-clock time the battle's zone skips: the clocks jump from `from` to `to` that night.
    case nonexistentLocalTime(time: String, zone: String, from: String, to: String)
    case emptyName(field: String)
    case datesOutOfOrder(start: String, end: String)
    /// A session longer than `Session.maximumSeconds`.
    case sessionTooLong(start: String, end: String)
    case invalidValue(field: String, value: String)
    /// A name holding a noncharacter (U+FFFE, U+FFFF…), named by its code point.
    case noncharacter(field: String, scalar: Unicode.Scalar)
    case invalidDuration(String)
    case participantLimits(min: Int, max: Int)
    case outlineTooLong(workshop: String, outline: Int, duration: Int)
    case duplicateWorkshop(String)
    case unknownPrerequisite(workshop: String, prerequisite: String)
    /// A prerequisite from a curriculum that is neither stored nor in the same import.
    case missingCurriculum(workshop: String, prerequisite: String, curriculum: String)
    case prerequisiteCycle([String])
    case selfPrerequisite(String)

    /// A month with its year (`February 2026`, `febrero de 2026`), by the month's number less one.
    private static let months: [MessageID] = [.january, .february, .march, .april, .may, .june, .july, .august, .september,
                                              .october, .november, .december]

    /// The same error with its times said as the person or the file wrote them.
    public func timed(start: String, end: String) -> DomainError {
        switch self {
        case .datesOutOfOrder: .datesOutOfOrder(start: start, end: end)
        case .sessionTooLong: .sessionTooLong(start: start, end: end)
        default: self
        }
    }

    public var message: Message {
        switch self {
        case .malformedIdentifier(let id): Message(.malformedIdentifier, id.echoed)
        case .invalidDate(let text): Message(.invalidDate, text.echoed)
        case .invalidDateTime(let text): Message(.invalidDateTime, text.echoed)
        case .invalidTypedDate(let text): Message(.invalidTypedDate, text.echoed)
        case .monthOutOfRange(let date, let month): Message(.monthOutOfRange, date.echoed, String(month))
        case .dayOutOfMonth(let date, let month, let year, let days):
            Message(.dayOutOfMonth, arguments: [.text(date.echoed), .message(Message(Self.months[month - 1], String(year))), .text(String(days))])
        case .invalidTime(let text): Message(.invalidTime, text.echoed)
        case .battleTooLong(let start, let end, let days): Message(.battleTooLong, start, end, String(days), String(Battle.maximumDays))
        case .invalidTimeZone(let zone): Message(.invalidTimeZone, zone.echoed)
        case .nonexistentLocalTime(let time, let zone, let from, let to): Message(.nonexistentLocalTime, time, zone, from, to)
        case .emptyName(let field): Message(.emptyName, field)
        case .datesOutOfOrder(let start, let end): Message(.datesOutOfOrder, start.echoed, end.echoed)
        case .sessionTooLong(let start, let end): Message(.sessionTooLong, start.echoed, end.echoed)
        case .invalidValue(let field, let value): Message(.invalidValue, field, value.echoed)
        case .noncharacter(let field, let scalar): Message(.nameNoncharacter, field, String(scalar.value, radix: 16, uppercase: true))
        case .invalidDuration(let text): Message(.invalidDuration, text.echoed)
        case .participantLimits(let min, let max): Message(.participantLimits, String(min), String(max))
        case .outlineTooLong(let workshop, let outline, let duration):
            Message(.outlineTooLong, workshop, String(outline), String(duration))
        case .duplicateWorkshop(let id): Message(.duplicateWorkshop, id)
        case .unknownPrerequisite(let workshop, let prerequisite): Message(.unknownPrerequisite, workshop, prerequisite)
        case .missingCurriculum(let workshop, let prerequisite, let curriculum): Message(.missingCurriculum, workshop, prerequisite, curriculum)
        case .prerequisiteCycle(let cycle): Message(.prerequisiteCycle, cycle.joined(separator: " → "))
        case .selfPrerequisite(let id): Message(.selfPrerequisite, id)
        }
    }
}

/// A catalogue message with its arguments, rendered late in the reader's language.
public struct Message: Sendable, Equatable {
    /// An argument is plain text (a name, a number) or another message translated along with it.
    public indirect enum Argument: Sendable, Equatable {
        case text(String)
        case message(Message)
    }

    public let id: MessageID
    public let arguments: [Argument]

    public init(_ id: MessageID, _ arguments: String...) {
        self.id = id
        self.arguments = arguments.map(Argument.text)
    }

    public init(_ id: MessageID, arguments: [Argument]) {
        self.id = id
        self.arguments = arguments
    }

    public func text(_ language: Language) -> String {
        Catalogue.render(id, arguments.map { argument in
            switch argument {
            case .text(let text): text
            case .message(let message): message.text(language)
            }
        }, language)
    }
}

/// Anything that can explain itself to a person in either language.
public protocol LocalizedFailure: Error {
    var message: Message { get }
}

extension DomainError: LocalizedFailure {}
