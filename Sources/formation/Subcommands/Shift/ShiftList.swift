import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation shift list --battle B [--person P] [--format text|json]` (`ReadCommand<ShiftListing>`).
struct ShiftListing: ReadOptions {
    static let name = "list", abstract = HelpID.helpShiftList
    @Option(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
    @Option(help: ArgumentHelp(Help.text(.helpShiftListPerson))) var person: String?

    func print(from store: FormationStore, as format: OutputFormat, _ language: Language) throws {
        let list = try Scheduling(store: store).shifts(battle: battle, person: person)
        try format.write(json: { try JSONOutput.print(list.entries.map { ShiftJSON($0, list) }) }, text: { TextViews.shifts(list, language) })
    }
}
