import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension BattleCommand {
    /// `formation battle roster B [--format text|json]`: who is at the battle and on which days.
    struct Roster: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "roster", abstract: Help.text(.helpBattleRoster)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Argument(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String

        func run() throws {
            let roster = try Scheduling(store: global.openStore()).roster(battle: battle)
            switch output.format {
            case .json: try JSONOutput.print(roster.lines.map(RosterLineJSON.init))
            case .text: try Terminal.output(RosterViews.text(roster, global.language))
            }
        }
    }
}
