import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension WorkshopCommand {
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
