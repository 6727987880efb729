import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension ShiftCommand {
    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: Help.text(.helpShiftAdd)) }
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
        @Option(help: ArgumentHelp(Help.text(.helpShiftPerson))) var person: [String] = []
        @Option(help: ArgumentHelp(Help.text(.helpStartTime), valueName: "YYYY-MM-DD HH:MM")) var start: String
        @Option(help: ArgumentHelp(Help.text(.helpEndTime), valueName: "YYYY-MM-DD HH:MM")) var end: String
        @Flag(help: ArgumentHelp(Help.text(.helpForce))) var force = false

        func validate() throws {
            if person.isEmpty { throw ValidationError(Help.text(.helpShiftPersonMissing)) }
        }

        func run() throws {
            let store = try global.openStore(writes: true)
            let outcome = try Scheduling(store: store).addShift(battle: battle, people: person, start: start, end: end, force: force)
            SaidChange.last(store, global.language)
            ScheduleOutput.recorded(outcome, global.language)
            for id in outcome.ids { try Terminal.data(id.rawValue) }
        }
    }
}
