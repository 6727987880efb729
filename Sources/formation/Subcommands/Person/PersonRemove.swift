import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation person remove P` (`RemoveCommand<PersonRemoval>`): only someone in no session and without shifts.
enum PersonRemoval: Removable {
    static var removal: Removal { Removal(abstract: .helpPersonRemove, argument: .person) { try Programme(store: $0).removePerson($1) } }
}
