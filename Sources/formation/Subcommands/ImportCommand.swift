import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews
import Foundation

/// `formation import FILE...`: all files together, or nothing.
struct Import: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "import", abstract: Help.text(.helpImport)) }
    @OptionGroup var global: GlobalOptions
    @Flag(help: ArgumentHelp(Help.text(.helpReplace))) var replace = false
    @Flag(help: ArgumentHelp(Help.text(.helpImportVerbose))) var verbose = false
    @Argument(help: ArgumentHelp(Help.text(.helpFiles), valueName: "file")) var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError(Message(.importNothingToDo).text(Help.language)) }
    }

    /// On a terminal, one progress line (files, MB read, MB/s, time left); Ctrl-C rolls the whole
    /// import back and says so (exit 130).
    func run() throws {
        let store = try global.openStore(writes: true)
        let progress = ImportProgress()
        let started = Date()
        let line = ProgressLine { ImportOutput.progress(progress.snapshot, since: started) }
        let watch = InterruptWatch(store: store)
        let language = global.language
        let interrupted = CommandFailure(lines: ["formation: " + Message(.importInterrupted).text(language)], code: 130)
        let report: ImportReport
        do {
            report = try Importer(store: store).run(paths: files, validateOnly: false, replace: replace, progress: progress)
        } catch {
            line?.stop()
            watch.stop()
            if watch.fired { throw interrupted }
            throw error
        }
        line?.stop()
        watch.stop()
        if watch.fired && !report.committed { throw interrupted }
        try ImportOutput.finish(report, validateOnly: false, language: language,
                                summary: files.count > 1 && !verbose ? (progress.snapshot, Date().timeIntervalSince(started)) : nil)
    }
}
