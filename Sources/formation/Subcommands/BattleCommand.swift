import ArgumentParser
import FormationDomain
import FormationUseCases

struct BattleCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "battle", abstract: Help.text(.helpBattle), subcommands: [Add.self, List.self, Show.self])
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Help.text(.helpBattleAdd)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpName))) var name: String
        @Option(help: ArgumentHelp(Help.text(.helpBattlePlant))) var plant: String
        @Option(help: ArgumentHelp(Help.text(.helpStartDate), valueName: "YYYY-MM-DD")) var start: String
        @Option(help: ArgumentHelp(Help.text(.helpEndDate), valueName: "YYYY-MM-DD")) var end: String
        @Option(name: .customLong("time-zone"), help: ArgumentHelp(Help.text(.helpTimeZone), valueName: "IANA"))
        var timeZone: String?

        func run() throws {
            let id = try Programme(store: global.openStore())
                .addBattle(name: name, plant: plant, start: start, end: end, timeZone: timeZone)
            Terminal.output(id.rawValue)
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Help.text(.helpBattleList)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption

        func run() throws {
            let battles = try global.openStore().battles()
            switch output.format {
            case .json: try JSONOutput.print(battles.map(BattleJSON.init))
            case .text: Terminal.output(TextViews.battles(battles, global.language))
            }
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Help.text(.helpBattleShow)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Argument(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String

        func run() throws {
            let store = try global.openStore()
            guard let entry = try store.battle(store.resolve(.battle, battle)) else { return }
            switch output.format {
            case .json: try JSONOutput.print(BattleJSON(entry))
            case .text: Terminal.output(TextViews.battle(entry, global.language))
            }
        }
    }
}
