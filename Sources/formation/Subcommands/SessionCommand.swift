import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews
import Foundation

struct SessionCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "session", abstract: Help.text(.helpSession),
                             subcommands: [Add.self, List.self, Edit.self, Cancel.self, Remove.self, Sheet.self])
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: Help.text(.helpSessionAdd)) }
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
        @Option(help: ArgumentHelp(Help.text(.helpWorkshopRef))) var workshop: String
        @Option(help: ArgumentHelp(Help.text(.helpStartTime), valueName: "YYYY-MM-DD HH:MM")) var start: String
        @Option(help: ArgumentHelp(Help.text(.helpEndTime), valueName: "YYYY-MM-DD HH:MM")) var end: String
        @Option(help: ArgumentHelp(Help.text(.helpPlace))) var place: String
        @Option(help: ArgumentHelp(Help.text(.helpFacilitator))) var facilitator: [String] = []
        @Flag(help: ArgumentHelp(Help.text(.helpForce))) var force = false

        func validate() throws {
            if facilitator.isEmpty { throw ValidationError(Help.text(.helpFacilitatorMissing)) }
        }

        func run() throws {
            let outcome = try Scheduling(store: global.openStore(writes: true)).addSession(
                battle: battle, workshop: workshop, start: start, end: end, place: place, facilitators: facilitator, force: force)
            ScheduleOutput.recorded(outcome, global.language)
            try Terminal.data(outcome.ids[0].rawValue)
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list", abstract: Help.text(.helpSessionList)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Option(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
        @Option(help: ArgumentHelp(Help.text(.helpDay), valueName: "YYYY-MM-DD")) var day: String?

        func run() throws {
            let store = try global.openStore()
            let day = try self.day.map { try CivilDate(typed: $0) }
            let timetable = try Timetable.load(store, battle: battle)
            let sessions = timetable.sessions.filter { day == nil || timetable.clock.local($0.session.start).date == day }
            switch output.format {
            case .json:
                try JSONOutput.print(sessions.map { SessionJSON($0, title: timetable.title($0), clock: timetable.clock) })
            case .text:
                try Terminal.output(TimetableText.list(sessions, timetable, global.language))
            }
        }
    }

    struct Cancel: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "cancel", abstract: Help.text(.helpSessionCancel)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpSessionRef))) var session: String

        func run() throws {
            let outcome = try Scheduling(store: global.openStore(writes: true)).cancel(session: session)
            let label = outcome.session
            Terminal.notice(outcome.alreadyCancelled
                ? Message(.sessionAlreadyCancelled, label.id.short, label.workshop, label.when, label.place).text(global.language)
                : Message(.sessionCancelledNow, label.id.short, label.workshop, label.when, label.place, String(outcome.people)).text(global.language))
        }
    }

    struct Sheet: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "sheet", abstract: Help.text(.helpSessionSheet)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpSessionRef))) var session: String
        @Option(name: .shortAndLong, help: ArgumentHelp(Help.text(.helpOutput), valueName: "file")) var output: String?
        @Option(help: ArgumentHelp(Help.text(.helpSeats), valueName: "n")) var seats: Int?

        func validate() throws {
            if let seats, !(0...500).contains(seats) { throw ValidationError(Message(.invalidValue, "--seats", String(seats)).text(global.language)) }
        }

        func run() throws {
            let store = try global.openStore()
            let sheet = try SignInSheet.load(store, session: session, seats: seats)
            try Output.write(SignInSheetHTML.render(sheet, language: global.language).utf8, to: output, protecting: store.path)
        }
    }
}

/// `formation attend SESSION PERSON...`: registration, the typed sign-in sheet, taking people off.
struct Attend: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "attend", abstract: Help.text(.helpAttend)) }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(Help.text(.helpSessionRef))) var session: String
    @Argument(help: ArgumentHelp(Help.text(.helpPersonRef))) var people: [String] = []
    @Option(help: ArgumentHelp(Help.text(.helpRole), valueName: "facilitator|participant")) var role: Role?
    @Option(help: ArgumentHelp(Help.text(.helpStatus), valueName: "registered|attended|absent")) var status: AttendanceStatus?
    @Option(help: ArgumentHelp(Help.text(.helpCSV), valueName: "file")) var csv: String?
    @Flag(help: ArgumentHelp(Help.text(.helpRemove))) var remove = false
    @Flag(help: ArgumentHelp(Help.text(.helpForce))) var force = false

    func validate() throws {
        if people.isEmpty && csv == nil { throw ValidationError(Help.text(.helpAttendNobody)) }
        if remove && (csv != nil || role != nil) { throw ValidationError(Help.text(.helpRemove)) }
    }

    func run() throws {
        let language = global.language
        let scheduling = try Scheduling(store: global.openStore(writes: true))
        do {
            if remove {
                let outcome = try scheduling.leave(session: session, people: people)
                Terminal.notice(Message(.attendRemoved, outcome.removed.joined(separator: ", "), outcome.session.short).text(language))
                if outcome.facilitators == 0 { Terminal.notice(Message(.attendNoFacilitator, outcome.session.short).text(language)) }
                return
            }
            let sheet = try csv.map { (data: try InputText.bytes($0), file: $0) }
            let outcome = try scheduling.attend(session: session, people: people, status: status, sheet: sheet, role: role, force: force)
            for notice in outcome.notices { Terminal.notice(notice.text(language)) }
            ScheduleOutput.recorded(outcome.schedule, language)
            for change in outcome.roleChanges {
                Terminal.notice(Message(.attendRoleChanged, arguments: [.text(change.name), .message(change.from.message), .message(change.to.message)]).text(language))
            }
            Terminal.notice(AttendanceOutput.summary(outcome, language))
            if outcome.facilitators == 0 { Terminal.notice(Message(.attendNoFacilitator, outcome.session.short).text(language)) }
        } catch let failure as AttendanceProblems {
            // Command-line names first, then the sheet's rows in line order, each with its line.
            throw CommandFailure(lines: failure.notices.map { "formation: " + $0.text(language) } + failure.problems.flatMap { problem in
                guard let line = problem.line, let csv else { return ["formation: error: " + problem.message.text(language)] }
                return FileProblem(file: csv, line: line, column: 1, message: problem.message).lines(language)
            } + ["formation: " + Message(.nothingWritten).text(language)], code: ExitCodes.dataError)
        }
    }
}

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
        for note in outcome.notes { Terminal.notice(note.text(language)) }
        for conflict in outcome.recorded {
            Terminal.notice(Message(.conflictForced, arguments: [.message(conflict.message(outcome.names))]).text(language))
        }
    }

    static func refused(_ refused: ScheduleRefused, _ language: Language) -> CommandFailure {
        let lines = refused.conflicts.map { conflict in
            "formation: error: " + Message(conflict.isHard ? .conflictHard : .conflictSoft, arguments: [.message(conflict.message(refused.names))]).text(language)
        }
        return CommandFailure(lines: lines, code: ExitCodes.dataError)
    }
}
