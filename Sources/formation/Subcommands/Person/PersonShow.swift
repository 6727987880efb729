import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation person show P [--format text|json]` (`ShowCommand<PersonShown>`): one person.
enum PersonShown: Showable {
    static let argument = EntityArgument.person
    static var shown: Formatted<PersonEntry, PersonJSON> {
        Formatted(name: "show", abstract: .helpPersonShow, load: { try Programme(store: $0).person($1) }, json: PersonJSON.init, text: TextViews.person)
    }
}
