import ArgumentParser
import FormationDomain
import FormationUseCases

struct PlantCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "plant", abstract: Help.text(.helpPlant), subcommands: [Add.self, List.self])
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: Help.text(.helpPlantAdd)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpName))) var name: String
        @Option(help: ArgumentHelp(Help.text(.helpState))) var state: String
        @Option(help: ArgumentHelp(Help.text(.helpPlantSector))) var sector: String?
        @Option(help: ArgumentHelp(Help.text(.helpOwnership), valueName: "state|worker-controlled|private"))
        var ownership: Ownership = .state

        func run() throws {
            let id = try Programme(store: global.openStore(writes: true))
                .addPlant(name: name, state: state, sector: sector, ownership: ownership)
            try Terminal.data(id.rawValue)
        }
    }

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
