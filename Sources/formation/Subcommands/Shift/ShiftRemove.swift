import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation shift remove SHIFT` (`RemoveCommand<ShiftRemoval>`): a shift entered by mistake.
enum ShiftRemoval: Removable {
    static var removal: Removal { Removal(abstract: .helpShiftRemove, argument: .shift) { try Scheduling(store: $0).removeShift($1) } }
}
