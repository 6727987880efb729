import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews
import Foundation

extension SessionCommand {
    struct Sheet: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "sheet", abstract: Help.text(.helpSessionSheet)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpSessionRef))) var session: String
        @Option(name: .shortAndLong, help: ArgumentHelp(Help.text(.helpOutput), valueName: "file")) var output: String?
        @Option(help: ArgumentHelp(Help.text(.helpSeats), valueName: "n")) var seats: Int?

        func validate() throws {
            if let seats, !(0...500).contains(seats) { throw ValidationError(Message(.invalidValue, "--seats", String(seats)).text(global.language)) }
        }

        func run() throws {
            let store = try global.openStore()
            let sheet = try SignInSheet.load(store, session: session, seats: seats)
            try Output.write(SignInSheetHTML.render(sheet, language: global.language).utf8, to: output, protecting: store.path)
        }
    }
}
