import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension ShiftCommand {
    struct Edit: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "edit", abstract: Help.text(.helpShiftEdit)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpShiftRef))) var shift: String
        @Option(help: ArgumentHelp(Help.text(.helpEditStart), valueName: "YYYY-MM-DD HH:MM")) var start: String?
        @Option(help: ArgumentHelp(Help.text(.helpEditEnd), valueName: "YYYY-MM-DD HH:MM")) var end: String?
        @Option(help: ArgumentHelp(Help.text(.helpShiftNewPerson))) var person: String?
        @Flag(help: ArgumentHelp(Help.text(.helpForce))) var force = false

        func validate() throws {
            if start == nil && end == nil && person == nil { throw ValidationError(Help.text(.helpEditNothing)) }
        }

        func run() throws {
            let outcome = try Scheduling(store: global.openStore(writes: true))
                .editShift(shift, ShiftChanges(start: start, end: end, person: person), force: force)
            EditOutput.edited(outcome, global.language)
        }
    }
}
