import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation session list --battle B [--day D] [--format text|json]` (`ReadCommand<SessionListing>`): the
/// battle's sessions, or one day's.
struct SessionListing: ReadOptions {
    static let name = "list", abstract = HelpID.helpSessionList
    @Option(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
    @Option(help: ArgumentHelp(Help.text(.helpDay), valueName: "YYYY-MM-DD")) var day: String?

    func print(from store: FormationStore, as format: OutputFormat, _ language: Language) throws {
        let day = try self.day.map { try CivilDate(typed: $0) }
        let timetable = try Timetable.load(store, battle: battle)
        let sessions = timetable.sessions.filter { day == nil || timetable.clock.local($0.session.start).date == day }
        try format.write(json: { try JSONOutput.print(sessions.map { SessionJSON($0, title: timetable.title($0), clock: timetable.clock) }) },
                         text: { TimetableText.list(sessions, timetable, language) })
    }
}
