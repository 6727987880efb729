import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension CurriculumCommand {
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
