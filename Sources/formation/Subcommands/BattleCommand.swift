import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

struct BattleCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "battle", abstract: Help.text(.helpBattle), subcommands: [Add.self, List.self, Show.self, Edit.self, Remove.self, Check.self, Report.self, Export.self, Pin.self])
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: Help.text(.helpBattleAdd)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpName))) var name: String
        @Option(help: ArgumentHelp(Help.text(.helpBattlePlant))) var plant: String
        @Option(help: ArgumentHelp(Help.text(.helpStartDate), valueName: "YYYY-MM-DD")) var start: String
        @Option(help: ArgumentHelp(Help.text(.helpEndDate), valueName: "YYYY-MM-DD")) var end: String
        @Option(name: .customLong("time-zone"), help: ArgumentHelp(Help.text(.helpTimeZone), valueName: "IANA"))
        var timeZone: String?

        func run() throws {
            let id = try Programme(store: global.openStore(writes: true))
                .addBattle(name: name, plant: plant, start: start, end: end, timeZone: timeZone)
            try Terminal.data(id.rawValue)
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list", abstract: Help.text(.helpBattleList)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption

        func run() throws {
            let battles = try Programme(store: global.openStore()).battles()
            switch output.format {
            case .json: try JSONOutput.print(battles.map(BattleJSON.init))
            case .text: try Terminal.output(TextViews.battles(battles, global.language))
            }
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "show", abstract: Help.text(.helpBattleShow)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Argument(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String

        func run() throws {
            let timetable = try Timetable.load(global.openStore(), battle: battle)
            switch output.format {
            case .json:
                try JSONOutput.print(BattleTimetableJSON(timetable))
            case .text:
                try Terminal.output(TextViews.battle(timetable.battle, global.language) + "\n\n" + TimetableText.grid(timetable, global.language))
            }
        }
    }

    struct Check: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "check", abstract: Help.text(.helpBattleCheck)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Argument(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String

        func run() throws {
            let found = try Scheduling(store: try global.openStore()).checkBattle(battle: battle)
            switch output.format {
            case .json: try JSONOutput.print(BattleCheckSessionJSON.all(found))
            case .text: try Terminal.output(BattleReportText.checkLines(found, global.language).joined(separator: "\n"))
            }
        }
    }

    struct Export: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "export", abstract: Help.text(.helpBattleExport)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
        @Option(name: .customLong("as"), help: ArgumentHelp(Help.text(.helpExportAs), valueName: "schedule|ical|record"))
        var format: BattleExport.Format
        @Option(name: .shortAndLong, help: ArgumentHelp(Help.text(.helpOutput), valueName: "file")) var output: String?

        func run() throws {
            try BattleExport(store: global.openStore()).run(battle: battle, as: format, to: output, language: global.language)
        }
    }
}

// MARK: The battle report
extension BattleCommand {
    /// `formation battle report B`: what the battle's learning space gave.
    struct Report: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "report", abstract: Help.text(.helpBattleReport)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
        @OptionGroup var report: ReportOptions

        func run() throws {
            let store = try global.openStore()
            let found = try BattleReport.load(store, battle: battle)
            try report.write(text: { BattleReportText.render(found, global.language) }, json: { try JSONOutput.string(BattleReportJSON(found)) },
                             html: { BattleReportHTML.render(found, global.language) }, protecting: store.path)
        }
    }
}

// MARK: Correcting
extension BattleCommand {
    /// `formation battle edit B [--name N] [--start D] [--end D] [--time-zone Z] [--force]`.
    struct Edit: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "edit", abstract: Help.text(.helpBattleEdit)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
        @Option(help: ArgumentHelp(Help.text(.helpNewName))) var name: String?
        @Option(help: ArgumentHelp(Help.text(.helpStartDate), valueName: "YYYY-MM-DD")) var start: String?
        @Option(help: ArgumentHelp(Help.text(.helpEndDate), valueName: "YYYY-MM-DD")) var end: String?
        @Option(name: .customLong("time-zone"), help: ArgumentHelp(Help.text(.helpTimeZoneEdit), valueName: "IANA")) var timeZone: String?
        @Flag(help: ArgumentHelp(Help.text(.helpForce))) var force = false

        func validate() throws {
            if name == nil && start == nil && end == nil && timeZone == nil { throw ValidationError(Help.text(.helpEditNothing)) }
        }

        func run() throws {
            let outcome = try Scheduling(store: global.openStore(writes: true))
                .editBattle(battle, BattleChanges(name: name, start: start, end: end, timeZone: timeZone), force: force)
            EditOutput.edited(outcome, global.language)
        }
    }

    /// `formation battle remove B`: only a battle without sessions or shifts.
    struct Remove: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "remove", abstract: Help.text(.helpBattleRemove)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String

        func run() throws {
            EditOutput.removed(try Programme(store: global.openStore(writes: true)).removeBattle(battle), global.language)
        }
    }
}
