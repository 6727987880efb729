import ArgumentParser
import FormationDomain
import FormationUseCases

struct PersonCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "person", abstract: Help.text(.helpPerson), subcommands: [Add.self, List.self, Show.self, Merge.self])
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: Help.text(.helpPersonAdd)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpName))) var name: String
        @Option(help: ArgumentHelp(Help.text(.helpHomePlant))) var plant: String?
        @Flag(help: ArgumentHelp(Help.text(.helpRetired))) var retired = false
        @Option(help: ArgumentHelp(Help.text(.helpPersonSector), valueName: "public|private")) var sector: Sector?

        func run() throws {
            let id = try Programme(store: global.openStore(writes: true)).addPerson(name: name, plant: plant, retired: retired, sector: sector)
            try Terminal.data(id.rawValue)
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list", abstract: Help.text(.helpPersonList)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption

        func run() throws {
            let programme = try Programme(store: global.openStore())
            switch output.format {
            case .json: try JSONOutput.printBatches { write in try programme.forEachPeopleBatch { try write($0.map(PersonJSON.init)) } }
            case .text: try Terminal.output(TextViews.people(try programme.people(), global.language))
            }
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "show", abstract: Help.text(.helpPersonShow)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Argument(help: ArgumentHelp(Help.text(.helpPersonRef))) var person: String

        func run() throws {
            let entry = try Programme(store: global.openStore()).person(person)
            switch output.format {
            case .json: try JSONOutput.print(PersonJSON(entry))
            case .text: try Terminal.output(TextViews.person(entry, global.language))
            }
        }
    }
}

// MARK: Merging people
extension PersonCommand {
    /// `formation person merge KEEP DROP`: one worker registered twice becomes one.
    struct Merge: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "merge", abstract: Help.text(.helpPersonMerge)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpMergeKeep), valueName: "keep")) var keep: String
        @Argument(help: ArgumentHelp(Help.text(.helpMergeDrop), valueName: "drop")) var drop: String

        func run() throws {
            let outcome = try PersonMerge(store: global.openStore(writes: true)).run(keep: keep, drop: drop)
            Terminal.notice(Message(.mergeDone, outcome.dropped.name, outcome.dropped.id.short, outcome.kept.name, outcome.kept.id.short,
                                    String(outcome.movedParticipations), String(outcome.combinedSessions),
                                    String(outcome.movedShifts)).text(global.language))
            try Terminal.data(outcome.kept.id.rawValue)
        }
    }
}
