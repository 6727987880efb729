import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension BattleCommand {
    /// `formation battle edit B [--name N] [--start D] [--end D] [--time-zone Z] [--force]`.
    struct Edit: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "edit", abstract: Help.text(.helpBattleEdit)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
        @Option(help: ArgumentHelp(Help.text(.helpNewName))) var name: String?
        @Option(help: ArgumentHelp(Help.text(.helpStartDate), valueName: "YYYY-MM-DD")) var start: String?
        @Option(help: ArgumentHelp(Help.text(.helpEndDate), valueName: "YYYY-MM-DD")) var end: String?
        @Option(name: .customLong("time-zone"), help: ArgumentHelp(Help.text(.helpTimeZoneEdit), valueName: "IANA")) var timeZone: String?
        @Flag(help: ArgumentHelp(Help.text(.helpForce))) var force = false

        func validate() throws {
            if name == nil && start == nil && end == nil && timeZone == nil { throw ValidationError(Help.text(.helpEditNothing)) }
        }

        func run() throws {
            let outcome = try Scheduling(store: global.openStore(writes: true))
                .editBattle(battle, BattleChanges(name: name, start: start, end: end, timeZone: timeZone), force: force)
            EditOutput.edited(outcome, global.language)
        }
    }
}
