import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation log`: what each command changed, newest first, by whom and when.
struct LogCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "log", abstract: Help.text(.helpLog)) }
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption
    @Option(help: ArgumentHelp(Help.text(.helpLogBattle), valueName: "battle")) var battle: String?
    @Option(help: ArgumentHelp(Help.text(.helpLogLimit), valueName: "n")) var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError(Help.text(.helpLogLimit)) }
    }

    func run() throws {
        let lines = try ChangeLog(store: global.openStore()).lines(battle: battle, limit: limit)
        switch output.format {
        case .json: try JSONOutput.print(lines.map { ChangeLogJSON($0, global.language) })
        case .text:
            guard !lines.isEmpty else { return try Terminal.output(Message(.logNothing).text(global.language)) }
            try Terminal.output(lines.map { ChangeLogText.line($0, global.language) }.joined(separator: "\n"))
        }
    }
}
