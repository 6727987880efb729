import ArgumentParser
import FormationDomain
import FormationUseCases

/// `formation history PERSON`: everything a worker learned and taught, across every battle and plant.
struct HistoryCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "history", abstract: Help.text(.helpHistory)) }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(Help.text(.helpPersonRef))) var person: String
    @Option(help: ArgumentHelp(Help.text(.helpReportFormat), valueName: "text|json|html")) var format: ReportFormat = .text
    @Option(name: .shortAndLong, help: ArgumentHelp(Help.text(.helpOutput), valueName: "file")) var output: String?

    func run() throws {
        let store = try global.openStore()
        let history = try LearningHistory.load(store, person: person)
        let rendered: String
        switch format {
        case .text: rendered = TerminalText.neutralised(HistoryText.render(history, global.language)) + "\n"
        case .json: rendered = try JSONOutput.string(HistoryJSON(history))
        case .html: rendered = HistoryHTML.render(history, global.language)
        }
        try OutputFile.write(rendered, to: output, protecting: store.path)
    }
}
