import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews
import Foundation

struct SessionCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "session", abstract: Help.text(.helpSession),
                             subcommands: [Add.self, List.self, Edit.self, Cancel.self, RemoveCommand<SessionRemoval>.self, Sheet.self])
    }
}
