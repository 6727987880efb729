import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension BattleCommand {
    /// `formation battle join B P… [--from DATE] [--to DATE]`: people on the battle's roster.
    struct Join: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "join", abstract: Help.text(.helpBattleJoin)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
        @Argument(help: ArgumentHelp(Help.text(.helpRosterPeople), valueName: "person")) var people: [String] = []
        @Option(help: ArgumentHelp(Help.text(.helpRosterFrom), valueName: "YYYY-MM-DD")) var from: String?
        @Option(help: ArgumentHelp(Help.text(.helpRosterTo), valueName: "YYYY-MM-DD")) var to: String?

        func validate() throws {
            if people.isEmpty { throw ValidationError(Help.text(.helpRosterMissing)) }
        }

        func run() throws {
            let outcomes = try Scheduling(store: global.openStore(writes: true)).join(battle: battle, people: people, from: from, to: to)
            for outcome in outcomes { Terminal.notice(outcome.message.text(global.language)) }
        }
    }
}
