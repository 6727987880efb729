import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews
import Foundation

enum AttendanceOutput {
    /// `3 asistieron, 1 ausente, 2 inscritos (sesión 1c60ab12)`: what this call recorded (no `0 …` parts).
    static func summary(_ outcome: AttendanceOutcome, _ language: Language) -> String {
        let parts: [(AttendanceStatus, MessageID, MessageID)] = [
            (.attended, .attendAttendedOne, .attendAttendedMany), (.absent, .attendAbsentOne, .attendAbsentMany),
            (.registered, .attendRegisteredOne, .attendRegisteredMany),
        ]
        let counts = parts.compactMap { status, one, many -> String? in
            let n = outcome.count(status)
            return n == 0 ? nil : n == 1 ? Message(one).text(language) : Message(many, String(n)).text(language)
        }
        return Message(.attendSummary, counts.joined(separator: ", "), outcome.session.short).text(language)
    }

}

enum ScheduleOutput {
    /// The notes and the forced conflicts of a change, on stderr.
    static func recorded(_ outcome: ScheduleOutcome, _ language: Language) {
        for line in recordedLines(outcome, language) { Terminal.notice(line) }
    }

    /// The notes and the forced conflicts of a change, a line each.
    static func recordedLines(_ outcome: ScheduleOutcome, _ language: Language) -> [String] {
        outcome.notes.map { $0.text(language) }
            + outcome.recorded.map { Message(.conflictForced, arguments: [.message($0.message(outcome.names))]).text(language) }
    }

    static func refused(_ refused: ScheduleRefused, _ language: Language) -> CommandFailure {
        let lines = refused.conflicts.map { conflict in
            "formation: error: " + Message(conflict.isHard ? .conflictHard : .conflictSoft, arguments: [.message(conflict.message(refused.names))]).text(language)
        }
        return CommandFailure(lines: lines, code: ExitCodes.dataError)
    }
}
