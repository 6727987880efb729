import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation battle report B [--format text|json|html] [-o FILE]` (`ReportCommand<BattleReported>`): what
/// the battle's learning space gave.
enum BattleReported: Reportable {
    static let argument = EntityArgument.battle
    static var reported: Reported<BattleReport> {
        Reported(name: "report", abstract: .helpBattleReport, load: { try BattleReport.load($0, battle: $1) }, text: BattleReportText.render,
                 json: { try JSONOutput.string(BattleReportJSON($0)) }, html: BattleReportHTML.render)
    }
}
