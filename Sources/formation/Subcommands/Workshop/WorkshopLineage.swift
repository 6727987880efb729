import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

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
            case .json:
                // Written as the tree is walked: the document of a national workshop is over 100 MB.
                let file = try Output(path: output, protecting: store.path)
                do {
                    try LineageJSON.write(lineage, to: file)
                    try file.write("\n".utf8)
                    try file.commit()
                } catch {
                    file.abandon()
                    throw error
                }
                return
            case .dot: rendered = LineageText.dot(lineage) + "\n"
            }
            try Output.write(rendered.utf8, to: output, protecting: store.path)
        }
    }
}
