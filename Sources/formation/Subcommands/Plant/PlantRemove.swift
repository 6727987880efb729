import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension PlantCommand {
    /// `formation plant remove PLANT`: only a plant nobody and no battle refers to.
    struct Remove: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "remove", abstract: Help.text(.helpPlantRemove)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpPlantRef))) var plant: String

        func run() throws {
            EditOutput.removed(try Programme(store: global.openStore(writes: true)).removePlant(plant), global.language)
        }
    }
}
