import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension ShiftCommand {
    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list", abstract: Help.text(.helpShiftList)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Option(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
        @Option(help: ArgumentHelp(Help.text(.helpShiftListPerson))) var person: String?

        func run() throws {
            let list = try Scheduling(store: global.openStore()).shifts(battle: battle, person: person)
            switch output.format {
            case .json: try JSONOutput.print(list.entries.map { ShiftJSON($0, list) })
            case .text: try Terminal.output(TextViews.shifts(list, global.language))
            }
        }
    }
}
