import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension PlantCommand {
    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: Help.text(.helpPlantAdd)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpName))) var name: String
        @Option(help: ArgumentHelp(Help.text(.helpState))) var state: String
        @Option(help: ArgumentHelp(Help.text(.helpPlantSector))) var sector: String?
        @Option(help: ArgumentHelp(Help.text(.helpOwnership), valueName: "state|worker-controlled|private"))
        var ownership: Ownership = .state

        func run() throws {
            let store = try global.openStore(writes: true)
            let id = try Programme(store: store).addPlant(name: name, state: state, sector: sector, ownership: ownership)
            SaidChange.last(store, global.language)
            try Terminal.data(id.rawValue)
        }
    }
}
