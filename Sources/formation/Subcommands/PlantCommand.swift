import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

struct PlantCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "plant", abstract: Help.text(.helpPlant), subcommands: [Add.self, List.self, Edit.self, Remove.self])
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

// MARK: Correcting
extension PlantCommand {
    /// `formation plant edit PLANT [--name N] [--state S] [--sector S | --no-sector] [--ownership O]`.
    struct Edit: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "edit", abstract: Help.text(.helpPlantEdit)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpPlantRef))) var plant: String
        @Option(help: ArgumentHelp(Help.text(.helpNewName))) var name: String?
        @Option(help: ArgumentHelp(Help.text(.helpState))) var state: String?
        @Option(help: ArgumentHelp(Help.text(.helpPlantSector))) var sector: String?
        @Flag(name: .customLong("no-sector"), help: ArgumentHelp(Help.text(.helpNoSector))) var noSector = false
        @Option(help: ArgumentHelp(Help.text(.helpOwnership), valueName: "state|worker-controlled|private")) var ownership: Ownership?

        func validate() throws {
            if sector != nil && noSector { throw ValidationError(Help.text(.helpEditBoth, "--sector", "--no-sector")) }
            if name == nil && state == nil && sector == nil && !noSector && ownership == nil { throw ValidationError(Help.text(.helpEditNothing)) }
        }

        func run() throws {
            let changes = PlantChanges(name: name, state: state, sector: noSector ? .some(nil) : sector.map { $0 }, ownership: ownership)
            EditOutput.edited(try Programme(store: global.openStore(writes: true)).editPlant(plant, changes), global.language)
        }
    }

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
