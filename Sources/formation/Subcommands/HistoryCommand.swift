import ArgumentParser
import FormationDomain
import FormationUseCases

/// `formation history PERSON`: everything a worker learned and taught, across every battle and plant.
struct HistoryCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "history", abstract: Help.text(.helpHistory)) }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(Help.text(.helpPersonRef))) var person: String
    @Option(help: ArgumentHelp(Help.text(.helpReportFormat), valueName: "text|json|html")) var format: ReportFormat = .text
    @Option(name: .shortAndLong, help: ArgumentHelp(Help.text(.helpOutput), valueName: "file")) var output: String?

    func run() throws {
        let history = try LearningHistory.load(global.openStore(), person: person)
        let rendered: String
        switch format {
        case .text: rendered = HistoryText.render(history, global.language) + "\n"
        case .json: rendered = try JSONOutput.string(HistoryJSON(history))
        case .html: rendered = HistoryHTML.render(history, global.language)
        }
        try OutputFile.write(rendered, to: output)
    }
}

extension BattleCommand {
    /// `formation battle report B`: what the battle's learning space gave.
    struct Report: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Help.text(.helpBattleReport)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
        @Option(help: ArgumentHelp(Help.text(.helpReportFormat), valueName: "text|json|html")) var format: ReportFormat = .text
        @Option(name: .shortAndLong, help: ArgumentHelp(Help.text(.helpOutput), valueName: "file")) var output: String?

        func run() throws {
            let report = try BattleReport.load(global.openStore(), battle: battle)
            let rendered: String
            switch format {
            case .text: rendered = BattleReportText.render(report, global.language) + "\n"
            case .json: rendered = try JSONOutput.string(BattleReportJSON(report))
            case .html: rendered = BattleReportHTML.render(report, global.language)
            }
            try OutputFile.write(rendered, to: output)
        }
    }
}

extension WorkshopCommand {
    /// `formation workshop lineage REF`: who taught the workshop to whom, battle by battle.
    struct Lineage: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Help.text(.helpWorkshopLineage)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpWorkshopRef))) var workshop: String
        @Option(help: ArgumentHelp(Help.text(.helpLineageFormat), valueName: "text|json|dot")) var format: LineageFormat = .text
        @Option(name: .shortAndLong, help: ArgumentHelp(Help.text(.helpOutput), valueName: "file")) var output: String?

        func run() throws {
            let lineage = try WorkshopLineage.load(global.openStore(), workshop: workshop)
            let rendered: String
            switch format {
            case .text: rendered = LineageText.render(lineage, global.language) + "\n"
            case .json: rendered = try JSONOutput.string(LineageJSON(lineage))
            case .dot: rendered = LineageText.dot(lineage) + "\n"
            }
            try OutputFile.write(rendered, to: output)
        }
    }

    /// `formation workshop facilitators REF [--near PLANT]`: who can teach it.
    struct Facilitators: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Help.text(.helpWorkshopFacilitators)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Argument(help: ArgumentHelp(Help.text(.helpWorkshopRef))) var workshop: String
        @Option(help: ArgumentHelp(Help.text(.helpNear), valueName: "plant")) var near: String?

        func run() throws {
            let list = try WorkshopFacilitators.load(global.openStore(), workshop: workshop, near: near)
            switch output.format {
            case .json: try JSONOutput.print(list.candidates.map(FacilitatorJSON.init))
            case .text: Terminal.output(FacilitatorsText.render(list, global.language))
            }
        }
    }
}

extension PersonCommand {
    /// `formation person merge KEEP DROP`: one worker registered twice becomes one.
    struct Merge: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Help.text(.helpPersonMerge)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpMergeKeep), valueName: "keep")) var keep: String
        @Argument(help: ArgumentHelp(Help.text(.helpMergeDrop), valueName: "drop")) var drop: String

        func run() throws {
            let outcome = try PersonMerge(store: global.openStore()).run(keep: keep, drop: drop)
            Terminal.notice(Message(.mergeDone, outcome.dropped.name, outcome.dropped.id.short, outcome.kept.name, outcome.kept.id.short,
                                    String(outcome.movedParticipations), String(outcome.combinedSessions),
                                    String(outcome.movedShifts)).text(global.language))
            Terminal.output(outcome.kept.id.rawValue)
        }
    }
}
