import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation plant add NAME --state S [--sector S] [--ownership O]` (`AddCommand<PlantAdding>`).
struct PlantAdding: AddOptions {
    static let abstract = HelpID.helpPlantAdd
    @Argument(help: ArgumentHelp(Help.text(.helpName))) var name: String
    @Option(help: ArgumentHelp(Help.text(.helpState))) var state: String
    @Option(help: ArgumentHelp(Help.text(.helpPlantSector))) var sector: String?
    @Option(help: ArgumentHelp(Help.text(.helpOwnership), valueName: "state|worker-controlled|private")) var ownership: Ownership = .state

    func add(in store: FormationStore) throws -> Added {
        Added(ids: [try Programme(store: store).addPlant(name: name, state: state, sector: sector, ownership: ownership)])
    }
}
