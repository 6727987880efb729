import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation shift add|list|edit|remove`: repair shifts, which keep people out of sessions.
struct ShiftCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "shift", abstract: Help.text(.helpShift), subcommands: [Add.self, List.self, Edit.self, Remove.self])
    }

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
            let outcome = try Scheduling(store: global.openStore(writes: true)).addShift(battle: battle, people: person, start: start, end: end, force: force)
            ScheduleOutput.recorded(outcome, global.language)
            for id in outcome.ids { try Terminal.data(id.rawValue) }
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list", abstract: Help.text(.helpShiftList)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Option(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
        @Option(help: ArgumentHelp(Help.text(.helpShiftListPerson))) var person: String?

        func run() throws {
            let list = try Scheduling(store: global.openStore()).shifts(battle: battle, person: person)
            switch output.format {
            case .json: try JSONOutput.print(list.entries.map { ShiftJSON($0, list) })
            case .text: try Terminal.output(TextViews.shifts(list, global.language))
            }
        }
    }

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

    struct Remove: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "remove", abstract: Help.text(.helpShiftRemove)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpShiftRef))) var shift: String

        func run() throws {
            EditOutput.removed(try Scheduling(store: global.openStore(writes: true)).removeShift(shift), global.language)
        }
    }
}
