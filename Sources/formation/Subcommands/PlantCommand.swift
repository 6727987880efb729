import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

struct PlantCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "plant", abstract: Help.text(.helpPlant), subcommands: [Add.self, List.self, Edit.self, Remove.self])
    }
}
