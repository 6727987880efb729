import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews
import Foundation

extension SessionCommand {
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
}
