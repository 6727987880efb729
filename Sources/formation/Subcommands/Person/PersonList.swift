import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension PersonCommand {
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
}
