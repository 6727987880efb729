import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension PersonCommand {
    /// `formation person qualify P WORKSHOP… [--note TEXT] [--by P]`: prior learning recognised.
    struct Qualify: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "qualify", abstract: Help.text(.helpPersonQualify)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpPersonRef))) var person: String
        @Argument(help: ArgumentHelp(Help.text(.helpQualifyWorkshops), valueName: "workshop")) var workshops: [String] = []
        @Option(help: ArgumentHelp(Help.text(.helpQualifyNote))) var note: String?
        @Option(help: ArgumentHelp(Help.text(.helpQualifyBy))) var by: String?

        func validate() throws {
            if workshops.isEmpty { throw ValidationError(Help.text(.helpQualifyMissing)) }
        }

        func run() throws {
            let outcomes = try Qualifications(store: global.openStore(writes: true)).qualify(person: person, workshops: workshops, note: note, by: by)
            for outcome in outcomes { Terminal.notice(outcome.message.text(global.language)) }
        }
    }
}
