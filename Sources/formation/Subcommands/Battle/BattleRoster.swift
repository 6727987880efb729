import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation battle roster B [--format text|json]` (`ShowCommand<BattleRostered>`): who is at the battle and on which days.
enum BattleRostered: Showable {
    static let argument = EntityArgument.battle
    static var shown: Formatted<BattleRoster, [RosterLineJSON]> {
        Formatted(name: "roster", abstract: .helpBattleRoster, load: { try Scheduling(store: $0).roster(battle: $1) }, json: RosterLineJSON.all, text: RosterViews.text)
    }
}
