import ArgumentParser
import FormationDomain
import FormationUseCases
import Foundation

/// Flags every command takes: where the database is and which language to speak.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Help.text(.helpDatabase), valueName: "path"))
    var database: String?

    @Option(name: .long, help: ArgumentHelp(Help.text(.helpLang), valueName: "es|en"))
    var lang: String?

    var language: Language { Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment) }

    var databasePath: String {
        DatabaseLocation.resolve(flag: database, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the database; writes wait `FORMATION_BUSY_TIMEOUT` seconds (default 30) for other processes.
    func openStore(verifySchema: Bool = true) throws -> FormationStore {
        let environment = ProcessInfo.processInfo.environment
        let timeout = (try? BusyTimeout.resolve(environment: environment)) ?? FormationStore.busyTimeout
        return try FormationStore(path: databasePath, busyTimeout: timeout, verifySchema: verifySchema)
    }

    func validate() throws {
        if let lang, Language(code: lang) == nil {
            throw ValidationError(Help.text(.helpLangInvalid, lang))
        }
        do { _ = try BusyTimeout.resolve(environment: ProcessInfo.processInfo.environment) } catch {
            throw ValidationError(error.message.text(language))
        }
    }
}

/// `--format text|json` for lists and shows.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct FormatOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Help.text(.helpFormat), valueName: "text|json"))
    var format: OutputFormat = .text
}
