/// What makes a repair shift impossible: always refused, whatever `--force` says. A shift that
/// falls over a session its person is in is not here: that is the session's soft `onShift` conflict.
public enum ShiftProblem: Hashable, Sendable {
    /// The shift falls (partly) outside the battle's days.
    case outsideBattle(battleStart: CivilDate, battleEnd: CivilDate)
    /// Longer than `ShiftRules.maximumSeconds`: a typing mistake (a wrong day), not a shift.
    case tooLong(hours: Int)
    /// The person already has a shift at that time.
    case overlaps(person: String, otherStart: String, otherEnd: String)

    public var message: Message {
        switch self {
        case .outsideBattle(let start, let end): Message(.shiftOutsideBattle, start.description, end.description)
        case .tooLong(let hours): Message(.shiftTooLong, String(hours), String(ShiftRules.maximumSeconds / 3600))
        case .overlaps(let person, let start, let end): Message(.shiftOverlaps, person, start, end)
        }
    }
}

/// The rules a repair shift must meet, pure: given the shift and the same person's shifts that
/// overlap it, every problem.
public enum ShiftRules {
    /// A shift lasts a day at most.
    public static let maximumSeconds: Int64 = 24 * 3600

    /// - Parameters:
    ///   - firstDay, lastDay: the shift's first and last local day in the battle's zone.
    ///   - others: the person's other shifts that overlap it, with their local times for messages.
    public static func problems(of shift: Shift, in battle: Battle, firstDay: CivilDate, lastDay: CivilDate, person: String,
                                others: [(start: String, end: String)]) -> [ShiftProblem] {
        var problems: [ShiftProblem] = []
        if !battle.contains(firstDay) || !battle.contains(lastDay) {
            problems.append(.outsideBattle(battleStart: battle.start, battleEnd: battle.end))
        }
        if shift.end - shift.start > maximumSeconds {
            problems.append(.tooLong(hours: Int((shift.end - shift.start + 3599) / 3600)))
        }
        for other in others { problems.append(.overlaps(person: person, otherStart: other.start, otherEnd: other.end)) }
        return problems
    }
}

/// A shift refused for its problems, every one of them, for each person of the crew: one line each.
public struct ShiftRefused: Error, Sendable, Equatable {
    public let problems: [ShiftProblem]
    public init(problems: [ShiftProblem]) { self.problems = problems }
}
