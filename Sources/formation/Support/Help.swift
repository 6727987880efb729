import FormationDomain
import FormationUseCases
import FormationViews
import Foundation

/// Help and usage texts in the reader's language. swift-argument-parser reads help before
/// parsing, so the language comes from `--lang` found by hand in the arguments, then the environment.
enum Help {
    static let language: Language = {
        let arguments = CommandLine.arguments
        var flag: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count { flag = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { flag = String(argument.dropFirst(7)) }
        }
        return Language.resolve(flag: flag, environment: ProcessInfo.processInfo.environment)
    }()

    static func text(_ id: HelpID, _ arguments: String...) -> String {
        HelpCatalogue.render(id, arguments, language)
    }
}
