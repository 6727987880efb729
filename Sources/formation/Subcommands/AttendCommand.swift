import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews
import Foundation

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
