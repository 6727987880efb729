import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation history PERSON`: everything a worker learned and taught, across every battle and plant.
struct HistoryCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "history", abstract: Help.text(.helpHistory)) }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(Help.text(.helpPersonRef))) var person: String
    @OptionGroup var report: ReportOptions

    func run() throws {
        let store = try global.openStore()
        let history = try LearningHistory.load(store, person: person)
        try report.write(text: { HistoryText.render(history, global.language) }, json: { try JSONOutput.string(HistoryJSON(history)) },
                         html: { HistoryHTML.render(history, global.language) }, protecting: store.path)
    }
}
