import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension BattleCommand {
    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "show", abstract: Help.text(.helpBattleShow)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Argument(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String

        func run() throws {
            let timetable = try Timetable.load(global.openStore(), battle: battle)
            switch output.format {
            case .json:
                try JSONOutput.print(BattleTimetableJSON(timetable))
            case .text:
                try Terminal.output(TextViews.battle(timetable.battle, global.language) + "\n\n" + TimetableText.grid(timetable, global.language))
            }
        }
    }
}
