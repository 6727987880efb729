import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews
import Foundation

struct SessionCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "session", abstract: Help.text(.helpSession),
                             subcommands: [AddCommand<SessionAdding>.self, ReadCommand<SessionListing>.self, EditCommand<SessionEdits>.self, Cancel.self, RemoveCommand<SessionRemoval>.self, Sheet.self])
    }
}
