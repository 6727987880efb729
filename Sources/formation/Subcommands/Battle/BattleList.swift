import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension BattleCommand {
    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list", abstract: Help.text(.helpBattleList)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption

        func run() throws {
            let battles = try Programme(store: global.openStore()).battles()
            switch output.format {
            case .json: try JSONOutput.print(battles.map(BattleJSON.init))
            case .text: try Terminal.output(TextViews.battles(battles, global.language))
            }
        }
    }
}
