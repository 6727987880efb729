import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension SessionCommand {
    /// `formation session edit S [--start T] [--end T] [--place P] [--workshop W] [--facilitator P...] [--force]`.
    struct Edit: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "edit", abstract: Help.text(.helpSessionEdit)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpSessionRef))) var session: String
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

        func run() throws {
            let changes = SessionChanges(start: start, end: end, place: place, workshop: workshop,
                                         facilitators: facilitator.isEmpty ? nil : facilitator)
            EditOutput.edited(try Scheduling(store: global.openStore(writes: true)).editSession(session, changes, force: force), global.language)
        }
    }
}
