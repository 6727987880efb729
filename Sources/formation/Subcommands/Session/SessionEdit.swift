import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation session edit S [--start T] [--end T] [--place P] [--workshop W] [--facilitator P...] [--force]`
/// (`EditCommand<SessionEdits>`): the session meets the rules of `session add` again.
struct SessionEdits: EditOptions {
    static let abstract = HelpID.helpSessionEdit, argument = EntityArgument.session
    @Option(help: ArgumentHelp(Help.text(.helpEditStart), valueName: "YYYY-MM-DD HH:MM")) var start: String?
    @Option(help: ArgumentHelp(Help.text(.helpEditEnd), valueName: "YYYY-MM-DD HH:MM")) var end: String?
    @Option(help: ArgumentHelp(Help.text(.helpPlace))) var place: String?
    @Option(help: ArgumentHelp(Help.text(.helpWorkshopRef))) var workshop: String?
    @Option(help: ArgumentHelp(Help.text(.helpFacilitatorsEdit))) var facilitator: [String] = []
    @Flag(help: ArgumentHelp(Help.text(.helpForce))) var force = false

    func validate() throws {
        if start == nil && end == nil && place == nil && workshop == nil && facilitator.isEmpty {
            throw ValidationError(Help.text(.helpEditNothing))
        }
    }

    func edit(_ session: String, in store: FormationStore) throws -> EditOutcome {
        let changes = SessionChanges(start: start, end: end, place: place, workshop: workshop,
                                     facilitators: facilitator.isEmpty ? nil : facilitator)
        return try Scheduling(store: store).editSession(session, changes, force: force)
    }
}
