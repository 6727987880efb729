import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation shift add|list|edit|remove`: repair shifts, which keep people out of sessions.
struct ShiftCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "shift", abstract: Help.text(.helpShift), subcommands: [AddCommand<ShiftAdding>.self, ReadCommand<ShiftListing>.self, EditCommand<ShiftEdits>.self, RemoveCommand<ShiftRemoval>.self])
    }
}
