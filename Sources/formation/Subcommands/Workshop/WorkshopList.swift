import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation workshop list [--curriculum ID] [--format text|json]` (`ReadCommand<WorkshopListing>`).
struct WorkshopListing: ReadOptions {
    static let name = "list", abstract = HelpID.helpWorkshopList
    @Option(help: ArgumentHelp(Help.text(.helpCurriculumID))) var curriculum: String?

    func print(from store: FormationStore, as format: OutputFormat, _ language: Language) throws {
        let entries = try CurriculumBrowsing(store: store).workshops(in: curriculum)
        try format.write(json: { try JSONOutput.print(entries.map(WorkshopJSON.init)) }, text: { CurriculumText.workshopTable(entries, language) })
    }
}
