import FormationDomain
import FormationUseCases
import FormationViews

/// What an edit or a removal did, in one line on stderr (after the notes and forced conflicts of
/// a schedule change, as `session add` reports them).
enum EditOutput {
    static func edited(_ outcome: EditOutcome, _ language: Language) {
        ScheduleOutput.recorded(outcome.schedule, language)
        Terminal.notice(outcome.edited.text(language))
    }

    static func removed(_ outcome: EditOutcome, _ language: Language) {
        Terminal.notice(outcome.removed.text(language))
    }
}
