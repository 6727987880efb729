import ArgumentParser
import FormationDomain
import FormationUseCases

/// `formation import FILE...`: all files together, or nothing.
struct Import: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "import", abstract: Help.text(.helpImport)) }
    @OptionGroup var global: GlobalOptions
    @Flag(help: ArgumentHelp(Help.text(.helpReplace))) var replace = false
    @Argument(help: ArgumentHelp(Help.text(.helpFiles), valueName: "file")) var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError(Message(.importNothingToDo).text(Help.language)) }
    }

    func run() throws {
        let report = try Importer(store: global.openStore()).run(paths: files, validateOnly: false, replace: replace)
        try ImportOutput.finish(report, validateOnly: false, language: global.language)
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
        let report = try Importer(store: global.openStore()).run(paths: files, validateOnly: true, replace: false)
        try ImportOutput.finish(report, validateOnly: true, language: global.language)
    }
}

enum ImportOutput {
    /// Prints each curriculum's outcome, or every problem then "nothing was written" (exit 65).
    static func finish(_ report: ImportReport, validateOnly: Bool, language: Language) throws {
        guard report.succeeded else {
            let lines = report.problems.flatMap { $0.lines(language) }
            throw CommandFailure(lines: lines + ["formation: " + Message(.nothingWritten).text(language)], code: ExitCodes.dataError)
        }
        for record in report.records {
            let message = validateOnly
                ? Message(.recordChecked, record.file, record.battle, String(record.sessionsAdded + record.sessionsKnown))
                : Message(.recordImported, record.file, record.battle, String(record.sessionsAdded), String(record.sessionsKnown),
                          String(record.peopleAdded))
            Terminal.notice(message.text(language))
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
