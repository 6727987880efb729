import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension BattleCommand {
    /// `formation battle remove B`: only a battle without sessions or shifts.
    struct Remove: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "remove", abstract: Help.text(.helpBattleRemove)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String

        func run() throws {
            EditOutput.removed(try Programme(store: global.openStore(writes: true)).removeBattle(battle), global.language)
        }
    }
}
