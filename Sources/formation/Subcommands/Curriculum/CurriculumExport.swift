import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension CurriculumCommand {
    struct Export: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "export", abstract: Help.text(.helpExport)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpCurriculumID))) var id: String
        @Option(name: .shortAndLong, help: ArgumentHelp(Help.text(.helpOutput), valueName: "file")) var output: String?

        func run() throws {
            let slug = try Slug(id)
            try CurriculumExport(store: global.openStore()).run(curriculum: slug, to: output)
        }
    }
}
