import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation plant edit PLANT [--name N] [--state S] [--sector S | --no-sector] [--ownership O]` (`EditCommand<PlantEdits>`).
struct PlantEdits: EditOptions {
    static let abstract = HelpID.helpPlantEdit, argument = EntityArgument.plant
    @Option(help: ArgumentHelp(Help.text(.helpNewName))) var name: String?
    @Option(help: ArgumentHelp(Help.text(.helpState))) var state: String?
    @Option(help: ArgumentHelp(Help.text(.helpPlantSector))) var sector: String?
    @Flag(name: .customLong("no-sector"), help: ArgumentHelp(Help.text(.helpNoSector))) var noSector = false
    @Option(help: ArgumentHelp(Help.text(.helpOwnership), valueName: "state|worker-controlled|private")) var ownership: Ownership?

    func validate() throws {
        if sector != nil && noSector { throw ValidationError(Help.text(.helpEditBoth, "--sector", "--no-sector")) }
        if name == nil && state == nil && sector == nil && !noSector && ownership == nil { throw ValidationError(Help.text(.helpEditNothing)) }
    }

    func edit(_ plant: String, in store: FormationStore) throws -> EditOutcome {
        let changes = PlantChanges(name: name, state: state, sector: noSector ? .some(nil) : sector.map { $0 }, ownership: ownership)
        return try Programme(store: store).editPlant(plant, changes)
    }
}
