import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation workshop facilitators REF [--near PLANT] [--all] [--format text|json]`
/// (`ReadCommand<WorkshopFacilitatorListing>`): who can teach it.
struct WorkshopFacilitatorListing: ReadOptions {
    static let name = "facilitators", abstract = HelpID.helpWorkshopFacilitators
    @Argument(help: EntityArgument.workshop.argumentHelp) var workshop: String
    @Option(help: ArgumentHelp(Help.text(.helpNear), valueName: "plant")) var near: String?
    @Flag(help: ArgumentHelp(Help.text(.helpFacilitatorsAll))) var all = false

    func print(from store: FormationStore, as format: OutputFormat, _ language: Language) throws {
        let list = try WorkshopFacilitators.load(store, workshop: workshop, near: near, limit: all ? nil : WorkshopFacilitators.defaultLimit)
        try format.write(json: { try JSONOutput.printArray(list.candidates.map(FacilitatorJSON.init)) },
                         text: { FacilitatorsText.render(list, language, limited: !all) })
    }
}
