import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension CurriculumCommand {
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
}
