import ArgumentParser
import FormationDomain
import FormationStorage
import FormationUseCases
import Foundation

struct SessionCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "session", abstract: Help.text(.helpSession),
                             subcommands: [Add.self, List.self, Cancel.self, Sheet.self])
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
            let outcome = try Scheduling(store: global.openStore()).addSession(
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
            let day = try self.day.map { try CivilDate(iso: $0) }
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
            try Scheduling(store: global.openStore()).cancel(session: session)
        }
    }

    struct Sheet: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "sheet", abstract: Help.text(.helpSessionSheet)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpSessionRef))) var session: String
        @Option(name: .shortAndLong, help: ArgumentHelp(Help.text(.helpOutput), valueName: "file")) var output: String?

        func run() throws {
            let store = try global.openStore()
            let id = try store.resolve(.session, session)
            let html = try SignInSheetHTML.render(store: store, session: id, language: global.language)
            try OutputFile.write(html, to: output, protecting: store.path)
        }
    }
}

struct ShiftCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "shift", abstract: Help.text(.helpShift), subcommands: [Add.self])
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: Help.text(.helpShiftAdd)) }
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
        @Option(help: ArgumentHelp(Help.text(.helpShiftPerson))) var person: [String] = []
        @Option(help: ArgumentHelp(Help.text(.helpStartTime), valueName: "YYYY-MM-DD HH:MM")) var start: String
        @Option(help: ArgumentHelp(Help.text(.helpEndTime), valueName: "YYYY-MM-DD HH:MM")) var end: String

        func validate() throws {
            if person.isEmpty { throw ValidationError(Help.text(.helpShiftPersonMissing)) }
        }

        func run() throws {
            let ids = try Scheduling(store: global.openStore()).addShift(battle: battle, people: person, start: start, end: end)
            for id in ids { try Terminal.data(id.rawValue) }
        }
    }
}

/// `formation attend SESSION PERSON...`: registration and the sign-in sheet.
struct Attend: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "attend", abstract: Help.text(.helpAttend)) }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(Help.text(.helpSessionRef))) var session: String
    @Argument(help: ArgumentHelp(Help.text(.helpPersonRef))) var people: [String] = []
    @Option(help: ArgumentHelp(Help.text(.helpRole), valueName: "facilitator|participant")) var role: Role = .participant
    @Option(help: ArgumentHelp(Help.text(.helpStatus), valueName: "registered|attended|absent")) var status: AttendanceStatus = .registered
    @Option(help: ArgumentHelp(Help.text(.helpCSV), valueName: "file")) var csv: String?
    @Flag(help: ArgumentHelp(Help.text(.helpForce))) var force = false

    func validate() throws {
        if people.isEmpty && csv == nil { throw ValidationError(Help.text(.helpAttendNobody)) }
    }

    func run() throws {
        var entries = people.map { (person: $0, status: status) }
        if let csv {
            let text = try InputText.read(csv)
            do {
                let sheet = try SignInSheet(parsing: text, file: csv)
                entries += sheet.rows.map { (person: $0.person, status: $0.status ?? status) }
            } catch let problems as SheetProblems {
                throw CommandFailure(lines: problems.problems.flatMap { $0.lines(global.language) }
                                     + ["formation: " + Message(.nothingWritten).text(global.language)], code: ExitCodes.dataError)
            }
        }
        let outcome = try Scheduling(store: global.openStore()).attend(session: session, entries: entries, role: role, force: force)
        ScheduleOutput.recorded(outcome, global.language)
    }
}


enum ScheduleOutput {
    static func recorded(_ outcome: ScheduleOutcome, _ language: Language) {
        for conflict in outcome.recorded {
            Terminal.notice(Message(.conflictForced, arguments: [.message(conflict.message)]).text(language))
        }
    }

    static func refused(_ refused: ScheduleRefused, _ language: Language) -> CommandFailure {
        let lines = refused.conflicts.map { conflict in
            "formation: error: " + Message(conflict.isHard ? .conflictHard : .conflictSoft, arguments: [.message(conflict.message)]).text(language)
        }
        return CommandFailure(lines: lines, code: ExitCodes.dataError)
    }
}
