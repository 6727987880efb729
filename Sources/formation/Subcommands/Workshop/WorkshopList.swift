import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension WorkshopCommand {
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
}
