import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension PlantCommand {
    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list", abstract: Help.text(.helpPlantList)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption

        func run() throws {
            let plants = try Programme(store: global.openStore()).plants()
            switch output.format {
            case .json: try JSONOutput.print(plants.map(PlantJSON.init))
            case .text: try Terminal.output(TextViews.plants(plants, global.language))
            }
        }
    }
}
