import FormationDomain
import FormationUseCases
import FormationViews

/// `curriculum diff` for people: what was added, removed, and changed field by field.
enum DiffText {
    typealias T = TextViews

    static func render(_ diff: CurriculumDiff, _ language: Language) -> String {
        var lines = [T.t(.diffHeader, language, diff.curriculum, String(diff.oldVersion), String(diff.newVersion))]
        guard !diff.isEmpty else { return (lines + [T.t(.diffNone, language)]).joined(separator: "\n") }
        if !diff.metadata.isEmpty {
            lines.append(T.t(.diffMetadata, language))
            lines += diff.metadata.flatMap(field)
        }
        if !diff.added.isEmpty { lines.append(T.t(.diffAdded, language, diff.added.joined(separator: ", "))) }
        if !diff.removed.isEmpty { lines.append(T.t(.diffRemoved, language, diff.removed.joined(separator: ", "))) }
        for change in diff.changed {
            lines.append(T.t(.diffChanged, language, change.workshop))
            lines += change.fields.flatMap(field)
        }
        return lines.joined(separator: "\n")
    }

    private static func field(_ change: CurriculumDiff.FieldChange) -> [String] {
        ["  \(change.field):", "    - " + Table.truncate(change.old.rendered, 200), "    + " + Table.truncate(change.new.rendered, 200)]
    }
}
