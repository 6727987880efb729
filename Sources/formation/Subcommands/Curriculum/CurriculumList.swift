import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation curriculum list [--format text|json]` (`ListCommand<CurriculaListed>`): the curricula
/// imported, with how many current workshops each has.
enum CurriculaListed: Listable {
    static var listed: Formatted<[CurriculumSummary], [CurriculumJSON]> {
        Formatted(name: "list", abstract: .helpCurriculumList, load: { store, _ in try CurriculumBrowsing(store: store).curricula() },
                  json: { $0.map { CurriculumJSON($0.header, workshopCount: $0.workshopCount) } }, text: CurriculumText.curricula)
    }
}
