import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews
import Foundation

extension SessionCommand {
    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: Help.text(.helpSessionAdd)) }
        @OptionGroup var global: GlobalOptions
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

        func run() throws {
            let store = try global.openStore(writes: true)
            let outcome = try Scheduling(store: store).addSession(
                battle: battle, workshop: workshop, start: start, end: end, place: place, facilitators: facilitator, force: force)
            SaidChange.last(store, global.language)
            ScheduleOutput.recorded(outcome, global.language)
            try Terminal.data(outcome.ids[0].rawValue)
        }
    }
}
