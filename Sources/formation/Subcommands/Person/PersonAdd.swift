import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation person add NAME [--plant P] [--retired] [--sector S] [--force]` (`AddCommand<PersonAdding>`).
struct PersonAdding: AddOptions {
    static let abstract = HelpID.helpPersonAdd
    @Argument(help: ArgumentHelp(Help.text(.helpName))) var name: String
    @Option(help: ArgumentHelp(Help.text(.helpHomePlant))) var plant: String?
    @Flag(help: ArgumentHelp(Help.text(.helpRetired))) var retired = false
    @Option(help: ArgumentHelp(Help.text(.helpPersonSector), valueName: "public|private")) var sector: Sector?
    @Flag(help: ArgumentHelp(Help.text(.helpForceDuplicate))) var force = false

    func add(in store: FormationStore) throws -> Added {
        let programme = Programme(store: store)
        let id = try programme.addPerson(name: name, plant: plant, retired: retired, sector: sector, force: force)
        // The same name written otherwise (accents, case) at the same plant: pointed out, not refused.
        return Added(ids: [id]) { language in ((try? programme.likelyDuplicates(of: id)) ?? []).map { $0.text(language) } }
    }
}
