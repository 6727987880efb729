import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation battle remove B` (`RemoveCommand<BattleRemoval>`): only a battle without sessions or shifts.
enum BattleRemoval: Removable {
    static var removal: Removal { Removal(abstract: .helpBattleRemove, argument: .battle) { try Programme(store: $0).removeBattle($1) } }
}
