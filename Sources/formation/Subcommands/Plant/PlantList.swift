import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation plant list [--format text|json]` (`ListCommand<PlantListed>`).
enum PlantListed: Listable {
    static var listed: Formatted<[Plant], [PlantJSON]> {
        Formatted(name: "list", abstract: .helpPlantList, load: { store, _ in try Programme(store: store).plants() }, json: { $0.map(PlantJSON.init) }, text: TextViews.plants)
    }
}
