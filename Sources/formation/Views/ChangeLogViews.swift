import FormationDomain
import FormationUseCases
import FormationViews

/// A change as one line of text: `#12 added session … — by maria, 2026-12-01 09:12`.
enum ChangeLogText {
    static func line(_ line: ChangeLogLine, _ language: Language) -> String {
        var text = "#\(line.number) " + Message(.logBy, arguments: [
            .message(line.damaged ? Message(.logDamaged) : line.description),
            .text(line.user.isEmpty ? Message(.logUnknownUser).text(language) : line.user),
            .text(ChangeLog.localTime(iso: line.time)),
        ]).text(language)
        if let by = line.undoneBy { text += " " + Message(.logUndoneBy, String(by)).text(language) }
        if let reason = line.notUndoable {
            text += " " + Message(.logNotUndoable, arguments: [ChangeLog.reasonNotUndoable(reason)]).text(language)
        }
        return text
    }
}

/// A change in `log --format json`.
struct ChangeLogJSON: Encodable {
    let number: Int
    let id: String
    let time: String
    let user: String
    let command: String
    let description: String
    @NullEncoded var undoOf: Int?
    @NullEncoded var undoneBy: Int?
    let undoable: Bool
    @NullEncoded var notUndoableReason: String?
    let damaged: Bool
    let changesetBytes: Int

    init(_ line: ChangeLogLine, _ language: Language) {
        number = line.number
        id = line.id
        time = line.time
        user = line.user
        command = line.command
        description = line.description.text(language)
        undoOf = line.undoOf
        undoneBy = line.undoneBy
        undoable = line.notUndoable == nil && !line.damaged && line.undoneBy == nil
        notUndoableReason = line.notUndoable
        damaged = line.damaged
        changesetBytes = line.size
    }
}
