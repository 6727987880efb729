import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

extension PersonCommand {
    /// `formation person merge KEEP DROP`: one worker registered twice becomes one.
    struct Merge: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "merge", abstract: Help.text(.helpPersonMerge)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpMergeKeep), valueName: "keep")) var keep: String
        @Argument(help: ArgumentHelp(Help.text(.helpMergeDrop), valueName: "drop")) var drop: String

        func run() throws {
            let outcome = try PersonMerge(store: global.openStore(writes: true)).run(keep: keep, drop: drop)
            Terminal.notice(Message(.mergeDone, outcome.dropped.name, outcome.dropped.id.short, outcome.kept.name, outcome.kept.id.short,
                                    String(outcome.movedParticipations), String(outcome.combinedSessions),
                                    String(outcome.movedShifts)).text(global.language))
            try Terminal.data(outcome.kept.id.rawValue)
        }
    }
}
