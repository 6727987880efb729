import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation battle check B [--format text|json]` (`ShowCommand<BattleChecked>`): every conflict in the
/// battle, forced or not, and the prerequisites only a planned session meets.
enum BattleChecked: Showable {
    static let argument = EntityArgument.battle
    static var shown: Formatted<BattleCheck, [BattleCheckSessionJSON]> {
        Formatted(name: "check", abstract: .helpBattleCheck, load: { try Scheduling(store: $0).checkBattle(battle: $1) }, json: BattleCheckSessionJSON.all, text: BattleReportText.check)
    }
}
