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

/// `formation validate FILE...`: the same checks as import, then nothing is written.
struct Validate: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "validate", abstract: Help.text(.helpValidate)) }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(Help.text(.helpFiles), valueName: "file")) var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError(Message(.importNothingToDo).text(Help.language)) }
    }

    func run() throws {
        let report = try Importer(store: global.openStoreOrEmpty()).run(paths: files, validateOnly: true, replace: false)
        try ImportOutput.finish(report, validateOnly: true, language: global.language)
    }
}

enum ImportOutput {
    /// Prints each curriculum's outcome, or every problem then "nothing was written" (exit 65).
    /// - Parameter summary: with many files (and no `--verbose`), one line for them all instead of
    ///   one per file: what was read and how long it took.
    /// People merged as the other plant merged them, and likely duplicates with the command that merges them.
    static func identityNotices(_ record: ImportReport.RecordEntry, _ language: Language) {
        if record.peopleMerged > 0 { Terminal.notice(Message(.recordPeopleMerged, String(record.peopleMerged)).text(language)) }
        for duplicate in record.possibleDuplicates { Terminal.notice(duplicate.text(language)) }
    }

    static func finish(_ report: ImportReport, validateOnly: Bool, language: Language,
                       summary: (ImportProgress.Snapshot, TimeInterval)? = nil) throws {
        guard report.succeeded else {
            let lines = report.problems.flatMap { $0.lines(language) }
            throw CommandFailure(lines: lines + ["formation: " + Message(.nothingWritten).text(language)], code: ExitCodes.dataError)
        }
        if let (snapshot, seconds) = summary {
            let sessions = report.records.reduce(0) { $0 + $1.sessionsAdded }, people = report.records.reduce(0) { $0 + $1.peopleAdded }
            Terminal.notice(Message(.importSummary, String(snapshot.files), String(report.entries.count), String(report.records.count),
                                    String(sessions), String(people), ProgressLine.megabytes(snapshot.bytesRead),
                                    ProgressLine.duration(seconds)).text(language))
            for entry in report.entries where !entry.retired.isEmpty {
                let refs = entry.retired.map { "\(entry.curriculum)/\($0)" }.joined(separator: ", ")
                Terminal.notice(Message(.importRetired, entry.curriculum.rawValue, refs).text(language))
            }
            // What needs the reader's attention is said even in the summary.
            for record in report.records { identityNotices(record, language) }
            return
        }
        for record in report.records {
            let message = validateOnly
                ? Message(.recordChecked, record.file, record.battle, String(record.sessionsAdded + record.sessionsKnown))
                : Message(.recordImported, record.file, record.battle, String(record.sessionsAdded), String(record.sessionsKnown),
                          String(record.peopleAdded))
            Terminal.notice(message.text(language))
            identityNotices(record, language)
        }
        for entry in report.entries {
            if validateOnly {
                let message = Message(.importChecked, entry.file, entry.curriculum.rawValue, String(entry.version), String(entry.workshops))
                Terminal.notice(message.text(language))
            } else {
                Terminal.notice(ImportReport.message(for: entry).text(language))
            }
            if !entry.retired.isEmpty {
                let refs = entry.retired.map { "\(entry.curriculum)/\($0)" }.joined(separator: ", ")
                Terminal.notice(Message(.importRetired, entry.curriculum.rawValue, refs).text(language))
            }
        }
    }
}

extension ImportOutput {
    /// "importing: 3/12 files, 120.4 of 243.0 MB, 35.1 MB/s, 3 s left"
    static func progress(_ snapshot: ImportProgress.Snapshot, since started: Date) -> String {
        let seconds = max(0.001, Date().timeIntervalSince(started))
        let rate = Double(snapshot.bytesRead) / seconds
        var text = "importing: \(snapshot.filesDone)/\(snapshot.files) files, \(ProgressLine.megabytes(snapshot.bytesRead))"
        if let total = snapshot.bytesTotal {
            text += " of \(ProgressLine.megabytes(total))"
        }
        text += String(format: ", %.1f MB/s", rate / 1_000_000)
        if let total = snapshot.bytesTotal, rate > 0, snapshot.bytesRead < total {
            text += ", \(ProgressLine.duration(Double(total - snapshot.bytesRead) / rate)) left"
        }
        return text
    }
}
