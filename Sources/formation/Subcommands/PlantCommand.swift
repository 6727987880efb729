import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

struct PlantCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "plant", abstract: Help.text(.helpPlant), subcommands: [Add.self, ListCommand<PlantListed>.self, Edit.self, RemoveCommand<PlantRemoval>.self])
    }
}
