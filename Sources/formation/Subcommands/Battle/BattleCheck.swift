import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension BattleCommand {
    struct Check: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "check", abstract: Help.text(.helpBattleCheck)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Argument(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String

        func run() throws {
            let found = try Scheduling(store: try global.openStore()).checkBattle(battle: battle)
            switch output.format {
            case .json: try JSONOutput.print(BattleCheckSessionJSON.all(found))
            case .text: try Terminal.output(BattleReportText.checkLines(found, global.language).joined(separator: "\n"))
            }
        }
    }
}
