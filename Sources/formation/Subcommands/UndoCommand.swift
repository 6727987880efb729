import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation undo [CHANGE]`: reverts the last change, or the one given, in one transaction.
struct UndoCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "undo", abstract: Help.text(.helpUndo)) }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(Help.text(.helpUndoChange), valueName: "change")) var change: String?

    func run() throws {
        // Nothing to undo in a database that does not exist: it is not created (exit 66).
        let undone = try ChangeLog(store: global.openStore()).undo(change)
        try Terminal.output(Message(.undoDone, arguments: [.text(String(undone.number)), .message(undone.description)])
            .text(global.language))
    }
}
