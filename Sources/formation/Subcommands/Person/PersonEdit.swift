import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation person edit P [--name N] [--plant P | --no-plant] [--retired | --no-retired] [--sector S | --no-sector]`
/// (`EditCommand<PersonEdits>`).
struct PersonEdits: EditOptions {
    static let abstract = HelpID.helpPersonEdit, argument = EntityArgument.person
    @Option(help: ArgumentHelp(Help.text(.helpNewName))) var name: String?
    @Option(help: ArgumentHelp(Help.text(.helpHomePlant))) var plant: String?
    @Flag(name: .customLong("no-plant"), help: ArgumentHelp(Help.text(.helpNoPlant))) var noPlant = false
    @Flag(inversion: .prefixedNo, help: ArgumentHelp(Help.text(.helpRetiredEdit))) var retired: Bool?
    @Option(help: ArgumentHelp(Help.text(.helpPersonSector), valueName: "public|private")) var sector: Sector?
    @Flag(name: .customLong("no-sector"), help: ArgumentHelp(Help.text(.helpNoSector))) var noSector = false
    @Flag(help: ArgumentHelp(Help.text(.helpForceDuplicate))) var force = false

    func validate() throws {
        if plant != nil && noPlant { throw ValidationError(Help.text(.helpEditBoth, "--plant", "--no-plant")) }
        if sector != nil && noSector { throw ValidationError(Help.text(.helpEditBoth, "--sector", "--no-sector")) }
        if name == nil && plant == nil && !noPlant && retired == nil && sector == nil && !noSector {
            throw ValidationError(Help.text(.helpEditNothing))
        }
    }

    func edit(_ person: String, in store: FormationStore) throws -> EditOutcome {
        let changes = PersonChanges(name: name, plant: noPlant ? .some(nil) : plant.map { $0 }, retired: retired,
                                    sector: noSector ? .some(nil) : sector.map { $0 })
        return try Programme(store: store).editPerson(person, changes, force: force)
    }
}
