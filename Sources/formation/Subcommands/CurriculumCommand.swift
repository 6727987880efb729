import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

struct CurriculumCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "curriculum", abstract: Help.text(.helpCurriculum),
                             subcommands: [List.self, Show.self, Export.self, Diff.self])
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list", abstract: Help.text(.helpCurriculumList)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption

        func run() throws {
            let list = try CurriculumBrowsing(store: global.openStore()).curricula()
            switch output.format {
            case .json: try JSONOutput.print(list.map { CurriculumJSON($0.header, workshopCount: $0.workshopCount) })
            case .text: try Terminal.output(CurriculumText.curricula(list, global.language))
            }
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "show", abstract: Help.text(.helpCurriculumShow)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Argument(help: ArgumentHelp(Help.text(.helpCurriculumID))) var id: String

        func run() throws {
            let detail = try CurriculumBrowsing(store: global.openStore()).curriculum(id)
            switch output.format {
            case .json:
                try JSONOutput.print(CurriculumJSON(detail.header, workshopCount: detail.currentWorkshops,
                                                    workshops: detail.workshops.map(WorkshopJSON.init)))
            case .text: try Terminal.output(CurriculumText.curriculum(detail.header, workshops: detail.workshops, global.language))
            }
        }
    }
}

extension CurriculumCommand {
    struct Export: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "export", abstract: Help.text(.helpExport)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpCurriculumID))) var id: String
        @Option(name: .shortAndLong, help: ArgumentHelp(Help.text(.helpOutput), valueName: "file")) var output: String?

        func run() throws {
            let slug = try Slug(id)
            try CurriculumExport(store: global.openStore()).run(curriculum: slug, to: output)
        }
    }

    struct Diff: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "diff", abstract: Help.text(.helpDiff)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOption
        @Argument(help: ArgumentHelp(Help.text(.helpDiffSide), valueName: "old")) var old: String
        @Argument(help: ArgumentHelp(Help.text(.helpDiffSide), valueName: "new")) var new: String

        func run() throws {
            let diff: CurriculumDiff
            do {
                // Two files need no database: an empty one in memory stands in when there is none.
                diff = try CurriculumComparison(store: global.openStoreOrEmpty()).diff(old: old, new: new)
            } catch let failure as CurriculumFileProblems {
                throw CommandFailure(lines: failure.problems.flatMap { $0.lines(global.language) }, code: ExitCodes.dataError)
            }
            switch format.format {
            case .json: try JSONOutput.print(diff)
            case .text: try Terminal.output(DiffText.render(diff, global.language))
            }
        }
    }
}

struct WorkshopCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "workshop", abstract: Help.text(.helpWorkshop), subcommands: [List.self, Show.self, Lineage.self, Facilitators.self])
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list", abstract: Help.text(.helpWorkshopList)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Option(help: ArgumentHelp(Help.text(.helpCurriculumID))) var curriculum: String?

        func run() throws {
            let entries = try CurriculumBrowsing(store: global.openStore()).workshops(in: curriculum)
            switch output.format {
            case .json: try JSONOutput.print(entries.map(WorkshopJSON.init))
            case .text: try Terminal.output(CurriculumText.workshopTable(entries, global.language))
            }
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "show", abstract: Help.text(.helpWorkshopShow)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Argument(help: ArgumentHelp(Help.text(.helpWorkshopRef))) var workshop: String

        func run() throws {
            let detail = try CurriculumBrowsing(store: global.openStore()).workshop(workshop)
            switch output.format {
            case .json:
                try JSONOutput.print(WorkshopJSON(detail.entry))
            case .text:
                try Terminal.output(CurriculumText.workshop(detail, global.language))
            }
        }
    }
}

// MARK: Lineage and facilitators
extension WorkshopCommand {
    /// `formation workshop lineage REF`: who taught the workshop to whom, battle by battle.
    struct Lineage: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "lineage", abstract: Help.text(.helpWorkshopLineage)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpWorkshopRef))) var workshop: String
        @Option(help: ArgumentHelp(Help.text(.helpLineageFormat), valueName: "text|json|dot")) var format: LineageFormat = .text
        @Option(name: .shortAndLong, help: ArgumentHelp(Help.text(.helpOutput), valueName: "file")) var output: String?
        @Flag(help: ArgumentHelp(Help.text(.helpLineageLearners))) var learners = false

        func run() throws {
            let store = try global.openStore()
            let lineage = try WorkshopLineage.load(store, workshop: workshop, allLearners: learners)
            let rendered: String
            Layout.writingToFile = output != nil && output != "-"
            switch format {
            case .text: rendered = Layout.fitted(TerminalText.neutralised(LineageText.render(lineage, global.language))) + "\n"
            case .json: rendered = LineageJSON.document(lineage).rendered() + "\n"
            case .dot: rendered = LineageText.dot(lineage) + "\n"
            }
            try Output.write(rendered.utf8, to: output, protecting: store.path)
        }
    }

    /// `formation workshop facilitators REF [--near PLANT]`: who can teach it.
    struct Facilitators: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "facilitators", abstract: Help.text(.helpWorkshopFacilitators)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Argument(help: ArgumentHelp(Help.text(.helpWorkshopRef))) var workshop: String
        @Option(help: ArgumentHelp(Help.text(.helpNear), valueName: "plant")) var near: String?
        @Flag(help: ArgumentHelp(Help.text(.helpFacilitatorsAll))) var all = false

        func run() throws {
            let list = try WorkshopFacilitators.load(global.openStore(), workshop: workshop, near: near,
                                                     limit: all ? nil : WorkshopFacilitators.defaultLimit)
            switch output.format {
            case .json: try JSONOutput.printArray(list.candidates.map(FacilitatorJSON.init))
            case .text: try Terminal.output(FacilitatorsText.render(list, global.language, limited: !all))
            }
        }
    }
}
