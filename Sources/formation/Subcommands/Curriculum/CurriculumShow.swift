import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation curriculum show ID [--format text|json]` (`ShowCommand<CurriculumShown>`): the curriculum and its workshops.
enum CurriculumShown: Showable {
    static let argument = EntityArgument.curriculum
    static var shown: Formatted<CurriculumBrowsing.CurriculumDetail, CurriculumJSON> {
        Formatted(name: "show", abstract: .helpCurriculumShow, load: { try CurriculumBrowsing(store: $0).curriculum($1) }, json: CurriculumJSON.init, text: CurriculumText.curriculum)
    }
}
