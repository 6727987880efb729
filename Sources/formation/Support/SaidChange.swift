import FormationDomain
import FormationUseCases
import FormationViews

/// Every write says what it did: an `add` prints the new id on stdout (for scripts) and, on stderr,
/// the change in the change log's own words ("formation: added person José Rondón"), so a
/// facilitator sees at once what was registered, and `formation log` later reads the same.
enum SaidChange {
    static func last(_ store: FormationStore, _ language: Language) {
        guard let line = try? ChangeLog(store: store).lastChange() else { return }
        Terminal.notice(line.description.text(language))
    }
}
