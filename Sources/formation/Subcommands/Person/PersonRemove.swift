import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension PersonCommand {
    /// `formation person remove P`: only someone in no session and without shifts.
    struct Remove: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "remove", abstract: Help.text(.helpPersonRemove)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpPersonRef))) var person: String

        func run() throws {
            EditOutput.removed(try Programme(store: global.openStore(writes: true)).removePerson(person), global.language)
        }
    }
}
