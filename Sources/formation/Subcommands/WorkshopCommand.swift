import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

struct WorkshopCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "workshop", abstract: Help.text(.helpWorkshop), subcommands: [ReadCommand<WorkshopListing>.self, ShowCommand<WorkshopShown>.self, Lineage.self, ReadCommand<WorkshopFacilitatorListing>.self])
    }
}
