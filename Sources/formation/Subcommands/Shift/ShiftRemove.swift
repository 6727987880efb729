import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension ShiftCommand {
    struct Remove: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "remove", abstract: Help.text(.helpShiftRemove)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpShiftRef))) var shift: String

        func run() throws {
            EditOutput.removed(try Scheduling(store: global.openStore(writes: true)).removeShift(shift), global.language)
        }
    }
}
