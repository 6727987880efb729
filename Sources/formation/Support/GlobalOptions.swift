import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews
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
    ///
    /// - Parameter writes: the command may write. Only then is a missing database created (and the
    ///   default location's folder); a command that only reads says it is missing (exit 66). Its
    ///   writes are logged with this command line and user.
    func openStore(verifySchema: Bool = true, writes: Bool = false, readers: Int = 0) throws -> FormationStore {
        let environment = ProcessInfo.processInfo.environment
        return try DatabaseLocation.open(flag: database, environment: environment, writes: writes,
                                         change: ChangeDescription.current(arguments: CommandLine.arguments, environment: environment),
                                         busyTimeout: busyTimeout, verifySchema: verifySchema, readers: readers)
    }

    /// The database, or an empty one in memory when there is none (`validate` creates nothing).
    func openStoreOrEmpty() throws -> FormationStore {
        try DatabaseLocation.openOrEmpty(flag: database, environment: ProcessInfo.processInfo.environment, busyTimeout: busyTimeout)
    }

    /// `FORMATION_BUSY_TIMEOUT` seconds (default 30): how long writes wait for other processes.
    private var busyTimeout: Double {
        (try? BusyTimeout.resolve(environment: ProcessInfo.processInfo.environment)) ?? FormationStore.busyTimeout
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
