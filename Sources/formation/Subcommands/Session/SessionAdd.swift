import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation session add --battle B --workshop W --start T --end T --place P --facilitator P… [--force]`
/// (`AddCommand<SessionAdding>`): judged by every rule; a soft conflict needs `--force` and is recorded.
struct SessionAdding: AddOptions {
    static let abstract = HelpID.helpSessionAdd
    @Option(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
    @Option(help: ArgumentHelp(Help.text(.helpWorkshopRef))) var workshop: String
    @Option(help: ArgumentHelp(Help.text(.helpStartTime), valueName: "YYYY-MM-DD HH:MM")) var start: String
    @Option(help: ArgumentHelp(Help.text(.helpEndTime), valueName: "YYYY-MM-DD HH:MM")) var end: String
    @Option(help: ArgumentHelp(Help.text(.helpPlace))) var place: String
    @Option(help: ArgumentHelp(Help.text(.helpFacilitator))) var facilitator: [String] = []
    @Flag(help: ArgumentHelp(Help.text(.helpForce))) var force = false

    func validate() throws {
        if facilitator.isEmpty { throw ValidationError(Help.text(.helpFacilitatorMissing)) }
    }

    func add(in store: FormationStore) throws -> Added {
        let outcome = try Scheduling(store: store).addSession(battle: battle, workshop: workshop, start: start, end: end, place: place,
                                                              facilitators: facilitator, force: force)
        return Added(ids: outcome.ids) { ScheduleOutput.recordedLines(outcome, $0) }
    }
}
