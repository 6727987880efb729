import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation battle list [--format text|json]` (`ListCommand<BattleListed>`).
enum BattleListed: Listable {
    static var listed: Formatted<[BattleEntry], [BattleJSON]> {
        Formatted(name: "list", abstract: .helpBattleList, load: { store, _ in try Programme(store: store).battles() }, json: { $0.map(BattleJSON.init) }, text: TextViews.battles)
    }
}
