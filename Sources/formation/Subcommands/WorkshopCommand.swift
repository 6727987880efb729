import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

struct WorkshopCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "workshop", abstract: Help.text(.helpWorkshop), subcommands: [List.self, ShowCommand<WorkshopShown>.self, Lineage.self, Facilitators.self])
    }
}
