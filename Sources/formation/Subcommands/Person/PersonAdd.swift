import ArgumentParser
import FormationDomain
import FormationUseCases

extension PersonCommand {
    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: Help.text(.helpPersonAdd)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpName))) var name: String
        @Option(help: ArgumentHelp(Help.text(.helpHomePlant))) var plant: String?
        @Flag(help: ArgumentHelp(Help.text(.helpRetired))) var retired = false
        @Option(help: ArgumentHelp(Help.text(.helpPersonSector), valueName: "public|private")) var sector: Sector?
        @Flag(help: ArgumentHelp(Help.text(.helpForceDuplicate))) var force = false

        func run() throws {
            let id = try Programme(store: global.openStore(writes: true))
                .addPerson(name: name, plant: plant, retired: retired, sector: sector, force: force)
            try Terminal.data(id.rawValue)
        }
    }
}
