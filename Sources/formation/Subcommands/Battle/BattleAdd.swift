import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation battle add NAME --plant P --start D --end D [--time-zone Z]` (`AddCommand<BattleAdding>`).
struct BattleAdding: AddOptions {
    static let abstract = HelpID.helpBattleAdd
    @Argument(help: ArgumentHelp(Help.text(.helpName))) var name: String
    @Option(help: ArgumentHelp(Help.text(.helpBattlePlant))) var plant: String
    @Option(help: ArgumentHelp(Help.text(.helpStartDate), valueName: "YYYY-MM-DD")) var start: String
    @Option(help: ArgumentHelp(Help.text(.helpEndDate), valueName: "YYYY-MM-DD")) var end: String
    @Option(name: .customLong("time-zone"), help: ArgumentHelp(Help.text(.helpTimeZone), valueName: "IANA")) var timeZone: String?

    func add(in store: FormationStore) throws -> Added {
        Added(ids: [try Programme(store: store).addBattle(name: name, plant: plant, start: start, end: end, timeZone: timeZone)])
    }
}
