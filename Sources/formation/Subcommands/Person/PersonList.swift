import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation person list [--format text|json]` (`ReadCommand<PersonListing>`): the JSON written a batch
/// at a time, so that a hundred thousand people are never all held.
struct PersonListing: ReadOptions {
    static let name = "list", abstract = HelpID.helpPersonList

    func print(from store: FormationStore, as format: OutputFormat, _ language: Language) throws {
        let programme = Programme(store: store)
        try format.write(json: { try JSONOutput.printBatches { write in try programme.forEachPeopleBatch { try write($0.map(PersonJSON.init)) } } },
                         text: { TextViews.people(try programme.people(), language) })
    }
}
