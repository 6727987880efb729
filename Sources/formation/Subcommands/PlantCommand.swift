import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

struct PlantCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "plant", abstract: Help.text(.helpPlant), subcommands: [AddCommand<PlantAdding>.self, ListCommand<PlantListed>.self, EditCommand<PlantEdits>.self, RemoveCommand<PlantRemoval>.self])
    }
}
