import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension BattleCommand {
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
            let store = try global.openStore(writes: true)
            let id = try Programme(store: store).addBattle(name: name, plant: plant, start: start, end: end, timeZone: timeZone)
            SaidChange.last(store, global.language)
            try Terminal.data(id.rawValue)
        }
    }
}
