import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension SessionCommand {
    /// `formation session remove S`: a session entered by mistake, with its registrations; one
    /// with attendance recorded is cancelled instead.
    struct Remove: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "remove", abstract: Help.text(.helpSessionRemove)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpSessionRef))) var session: String

        func run() throws {
            EditOutput.removed(try Scheduling(store: global.openStore(writes: true)).removeSession(session), global.language)
        }
    }
}
