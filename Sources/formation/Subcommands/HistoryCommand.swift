import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation history PERSON [--format text|json|html] [-o FILE]` (`ReportCommand<PersonHistory>`):
/// everything a worker learned and taught, across every battle and plant.
enum PersonHistory: Reportable {
    static let argument = EntityArgument.person
    static var reported: Reported<LearningHistory> {
        Reported(name: "history", abstract: .helpHistory, load: { try LearningHistory.load($0, person: $1) }, text: HistoryText.render,
                 json: { try JSONOutput.string(HistoryJSON($0)) }, html: HistoryHTML.render)
    }
}
