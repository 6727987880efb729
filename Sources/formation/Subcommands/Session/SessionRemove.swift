import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation session remove S` (`RemoveCommand<SessionRemoval>`): a session entered by mistake, with its
/// registrations; one with attendance recorded is cancelled instead.
enum SessionRemoval: Removable {
    static var removal: Removal { Removal(abstract: .helpSessionRemove, argument: .session) { try Scheduling(store: $0).removeSession($1) } }
}
