import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews
import Foundation

/// `formation validate FILE...`: the same checks as import, then nothing is written.
struct Validate: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "validate", abstract: Help.text(.helpValidate)) }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(Help.text(.helpFiles), valueName: "file")) var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError(Message(.importNothingToDo).text(Help.language)) }
    }

    func run() throws {
        let report = try Importer(store: global.openStoreOrEmpty()).run(paths: files, validateOnly: true, replace: false)
        try ImportOutput.finish(report, validateOnly: true, language: global.language)
    }
}
