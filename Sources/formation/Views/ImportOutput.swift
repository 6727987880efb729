import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews
import Foundation

enum ImportOutput {
    /// Likely duplicates listed one by one after an import; beyond these, a count and where to see them all.
    static let duplicatesListed = 10

    /// People merged as the other plant merged them, and likely duplicates with the command that
    /// merges them (the first few: a national record may point out hundreds; `check` lists them all).
    static func identityNotices(_ record: ImportReport.RecordEntry, _ language: Language) {
        if record.peopleMerged > 0 { Terminal.notice(Message(.recordPeopleMerged, String(record.peopleMerged)).text(language)) }
        for duplicate in record.possibleDuplicates.prefix(duplicatesListed) { Terminal.notice(duplicate.text(language)) }
        let more = record.possibleDuplicates.count - duplicatesListed
        if more > 0 { Terminal.notice(Message(.possibleDuplicatesMore, String(more)).text(language)) }
    }

    /// Prints each curriculum's outcome, or every problem then "nothing was written" (exit 65).
    /// - Parameter summary: with many files (and no `--verbose`), one line for them all instead of
    ///   one per file: what was read and how long it took.

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
