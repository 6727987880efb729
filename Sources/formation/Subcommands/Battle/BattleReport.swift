import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension BattleCommand {
    /// `formation battle report B`: what the battle's learning space gave.
    struct Report: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "report", abstract: Help.text(.helpBattleReport)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpBattleRef))) var battle: String
        @OptionGroup var report: ReportOptions

        func run() throws {
            let store = try global.openStore()
            let found = try BattleReport.load(store, battle: battle)
            try report.write(text: { BattleReportText.render(found, global.language) }, json: { try JSONOutput.string(BattleReportJSON(found)) },
                             html: { BattleReportHTML.render(found, global.language) }, protecting: store.path)
        }
    }
}
