import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension CurriculumCommand {
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
