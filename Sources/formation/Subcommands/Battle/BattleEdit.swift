import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation battle edit B [--name N] [--start D] [--end D] [--time-zone Z] [--force]` (`EditCommand<BattleEdits>`).
struct BattleEdits: EditOptions {
    static let abstract = HelpID.helpBattleEdit, argument = EntityArgument.battle
    @Option(help: ArgumentHelp(Help.text(.helpNewName))) var name: String?
    @Option(help: ArgumentHelp(Help.text(.helpStartDate), valueName: "YYYY-MM-DD")) var start: String?
    @Option(help: ArgumentHelp(Help.text(.helpEndDate), valueName: "YYYY-MM-DD")) var end: String?
    @Option(name: .customLong("time-zone"), help: ArgumentHelp(Help.text(.helpTimeZoneEdit), valueName: "IANA")) var timeZone: String?
    @Flag(help: ArgumentHelp(Help.text(.helpForce))) var force = false

    func validate() throws {
        if name == nil && start == nil && end == nil && timeZone == nil { throw ValidationError(Help.text(.helpEditNothing)) }
    }

    func edit(_ battle: String, in store: FormationStore) throws -> EditOutcome {
        try Scheduling(store: store).editBattle(battle, BattleChanges(name: name, start: start, end: end, timeZone: timeZone), force: force)
    }
}
