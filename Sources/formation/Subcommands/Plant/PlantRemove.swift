import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation plant remove PLANT` (`RemoveCommand<PlantRemoval>`): only a plant nobody and no battle refers to.
enum PlantRemoval: Removable {
    static var removal: Removal { Removal(abstract: .helpPlantRemove, argument: .plant) { try Programme(store: $0).removePlant($1) } }
}
