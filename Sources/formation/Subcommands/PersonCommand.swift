import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

struct PersonCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "person", abstract: Help.text(.helpPerson),
                             subcommands: [Add.self, List.self, Show.self, Edit.self, Merge.self, Remove.self, Qualify.self, Unqualify.self])
    }

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

// MARK: Correcting
extension PersonCommand {
    /// `formation person edit P [--name N] [--plant P | --no-plant] [--retired | --no-retired] [--sector S | --no-sector]`.
    struct Edit: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "edit", abstract: Help.text(.helpPersonEdit)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpPersonRef))) var person: String
        @Option(help: ArgumentHelp(Help.text(.helpNewName))) var name: String?
        @Option(help: ArgumentHelp(Help.text(.helpHomePlant))) var plant: String?
        @Flag(name: .customLong("no-plant"), help: ArgumentHelp(Help.text(.helpNoPlant))) var noPlant = false
        @Flag(inversion: .prefixedNo, help: ArgumentHelp(Help.text(.helpRetiredEdit))) var retired: Bool?
        @Option(help: ArgumentHelp(Help.text(.helpPersonSector), valueName: "public|private")) var sector: Sector?
        @Flag(name: .customLong("no-sector"), help: ArgumentHelp(Help.text(.helpNoSector))) var noSector = false
        @Flag(help: ArgumentHelp(Help.text(.helpForceDuplicate))) var force = false

        func validate() throws {
            if plant != nil && noPlant { throw ValidationError(Help.text(.helpEditBoth, "--plant", "--no-plant")) }
            if sector != nil && noSector { throw ValidationError(Help.text(.helpEditBoth, "--sector", "--no-sector")) }
            if name == nil && plant == nil && !noPlant && retired == nil && sector == nil && !noSector {
                throw ValidationError(Help.text(.helpEditNothing))
            }
        }

        func run() throws {
            let changes = PersonChanges(name: name, plant: noPlant ? .some(nil) : plant.map { $0 }, retired: retired,
                                        sector: noSector ? .some(nil) : sector.map { $0 })
            EditOutput.edited(try Programme(store: global.openStore(writes: true)).editPerson(person, changes, force: force), global.language)
        }
    }

    /// `formation person remove P`: only someone in no session and without shifts.
    struct Remove: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "remove", abstract: Help.text(.helpPersonRemove)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpPersonRef))) var person: String

        func run() throws {
            EditOutput.removed(try Programme(store: global.openStore(writes: true)).removePerson(person), global.language)
        }
    }
}

// MARK: Prior learning
extension PersonCommand {
    /// `formation person qualify P WORKSHOP… [--note TEXT] [--by P]`: prior learning recognised.
    struct Qualify: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "qualify", abstract: Help.text(.helpPersonQualify)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpPersonRef))) var person: String
        @Argument(help: ArgumentHelp(Help.text(.helpQualifyWorkshops), valueName: "workshop")) var workshops: [String] = []
        @Option(help: ArgumentHelp(Help.text(.helpQualifyNote))) var note: String?
        @Option(help: ArgumentHelp(Help.text(.helpQualifyBy))) var by: String?

        func validate() throws {
            if workshops.isEmpty { throw ValidationError(Help.text(.helpQualifyMissing)) }
        }

        func run() throws {
            let outcomes = try Qualifications(store: global.openStore(writes: true)).qualify(person: person, workshops: workshops, note: note, by: by)
            for outcome in outcomes { Terminal.notice(outcome.message.text(global.language)) }
        }
    }

    /// `formation person unqualify P WORKSHOP…`: the recognition withdrawn.
    struct Unqualify: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "unqualify", abstract: Help.text(.helpPersonUnqualify)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpPersonRef))) var person: String
        @Argument(help: ArgumentHelp(Help.text(.helpQualifyWorkshops), valueName: "workshop")) var workshops: [String] = []

        func validate() throws {
            if workshops.isEmpty { throw ValidationError(Help.text(.helpQualifyMissing)) }
        }

        func run() throws {
            let outcomes = try Qualifications(store: global.openStore(writes: true)).unqualify(person: person, workshops: workshops)
            for outcome in outcomes { Terminal.notice(outcome.message.text(global.language)) }
        }
    }
}
