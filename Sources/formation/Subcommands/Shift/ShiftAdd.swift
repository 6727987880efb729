import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation shift add --battle B --person P… --start T --end T [--force]` (`AddCommand<ShiftAdding>`):
/// one shift a person, all or none.
struct ShiftAdding: AddOptions {
    static let abstract = HelpID.helpShiftAdd
    @Option(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
    @Option(help: ArgumentHelp(Help.text(.helpShiftPerson))) var person: [String] = []
    @Option(help: ArgumentHelp(Help.text(.helpStartTime), valueName: "YYYY-MM-DD HH:MM")) var start: String
    @Option(help: ArgumentHelp(Help.text(.helpEndTime), valueName: "YYYY-MM-DD HH:MM")) var end: String
    @Flag(help: ArgumentHelp(Help.text(.helpForce))) var force = false

    func validate() throws {
        if person.isEmpty { throw ValidationError(Help.text(.helpShiftPersonMissing)) }
    }

    func add(in store: FormationStore) throws -> Added {
        let outcome = try Scheduling(store: store).addShift(battle: battle, people: person, start: start, end: end, force: force)
        return Added(ids: outcome.ids) { ScheduleOutput.recordedLines(outcome, $0) }
    }
}
