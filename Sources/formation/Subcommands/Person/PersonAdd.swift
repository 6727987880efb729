import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

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
            let store = try global.openStore(writes: true)
            let programme = Programme(store: store)
            let id = try programme.addPerson(name: name, plant: plant, retired: retired, sector: sector, force: force)
            SaidChange.last(store, global.language)
            // The same name written otherwise (accents, case) at the same plant: pointed out, not refused.
            for duplicate in (try? programme.likelyDuplicates(of: id)) ?? [] { Terminal.notice(duplicate.text(global.language)) }
            try Terminal.data(id.rawValue)
        }
    }
}
