import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension BattleCommand {
    /// `formation battle leave B P…`: people off the battle's roster.
    struct Leave: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "leave", abstract: Help.text(.helpBattleLeave)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
        @Argument(help: ArgumentHelp(Help.text(.helpRosterPeople), valueName: "person")) var people: [String] = []

        func validate() throws {
            if people.isEmpty { throw ValidationError(Help.text(.helpRosterMissing)) }
        }

        func run() throws {
            let outcomes = try Scheduling(store: global.openStore(writes: true)).leave(battle: battle, people: people)
            for outcome in outcomes { Terminal.notice(outcome.message.text(global.language)) }
        }
    }
}
