import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension PersonCommand {
    /// `formation person unqualify P WORKSHOP…`: the recognition withdrawn.
    struct Unqualify: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "unqualify", abstract: Help.text(.helpPersonUnqualify)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpPersonRef))) var person: String
        @Argument(help: ArgumentHelp(Help.text(.helpQualifyWorkshops), valueName: "workshop")) var workshops: [String] = []

        func validate() throws {
            if workshops.isEmpty { throw ValidationError(Help.text(.helpQualifyMissing)) }
        }

        func run() throws {
            let outcomes = try Qualifications(store: global.openStore(writes: true)).unqualify(person: person, workshops: workshops)
            for outcome in outcomes { Terminal.notice(outcome.message.text(global.language)) }
        }
    }
}
