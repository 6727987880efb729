import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation workshop show W [--format text|json]` (`ShowCommand<WorkshopShown>`): one workshop, its
/// prerequisites and lesson plan.
enum WorkshopShown: Showable {
    static let argument = EntityArgument.workshop
    static var shown: Formatted<CurriculumBrowsing.WorkshopDetail, WorkshopJSON> {
        Formatted(name: "show", abstract: .helpWorkshopShow, load: { try CurriculumBrowsing(store: $0).workshop($1) }, json: { WorkshopJSON($0.entry) }, text: CurriculumText.workshop)
    }
}
