import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension PersonCommand {
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
