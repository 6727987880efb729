import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation shift edit SHIFT [--start T] [--end T] [--person P] [--force]` (`EditCommand<ShiftEdits>`).
struct ShiftEdits: EditOptions {
    static let abstract = HelpID.helpShiftEdit, argument = EntityArgument.shift
    @Option(help: ArgumentHelp(Help.text(.helpEditStart), valueName: "YYYY-MM-DD HH:MM")) var start: String?
    @Option(help: ArgumentHelp(Help.text(.helpEditEnd), valueName: "YYYY-MM-DD HH:MM")) var end: String?
    @Option(help: ArgumentHelp(Help.text(.helpShiftNewPerson))) var person: String?
    @Flag(help: ArgumentHelp(Help.text(.helpForce))) var force = false

    func validate() throws {
        if start == nil && end == nil && person == nil { throw ValidationError(Help.text(.helpEditNothing)) }
    }

    func edit(_ shift: String, in store: FormationStore) throws -> EditOutcome {
        try Scheduling(store: store).editShift(shift, ShiftChanges(start: start, end: end, person: person), force: force)
    }
}
