import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension BattleCommand {
    struct Export: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "export", abstract: Help.text(.helpBattleExport)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
        @Option(name: .customLong("as"), help: ArgumentHelp(Help.text(.helpExportAs), valueName: "schedule|ical|record"))
        var format: BattleExport.Format
        @Option(name: .shortAndLong, help: ArgumentHelp(Help.text(.helpOutput), valueName: "file")) var output: String?

        func run() throws {
            try BattleExport(store: global.openStore()).run(battle: battle, as: format, to: output, language: global.language)
        }
    }
}
