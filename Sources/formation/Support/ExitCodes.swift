import FormationDomain
import FormationUseCases
import FormationViews

/// sysexits codes, as DESIGN.md §4 promises them to scripts.
enum ExitCodes {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let cannotCreate: Int32 = 73
    static let ioError: Int32 = 74
    static let busy: Int32 = 75

    static func code(for failure: any LocalizedFailure) -> Int32 {
        switch failure {
        case let storage as StorageError:
            switch storage {
            case .busy: busy
            case .tooNew, .notADatabase, .damaged: dataError
            case .missing: noInput
            case .readOnly, .cannotOpen, .folderMissing, .other: ioError
            }
        case let file as FileFailure:
            switch file {
            case .missing, .unreadable, .isDirectory: noInput
            case .unwritable: cannotCreate
            case .notText: dataError
            }
        case is BackupRefused:
            cannotCreate
        case let output as OutputFailure:
            if case .standardStream = output { ioError } else { cannotCreate }
        default:
            dataError
        }
    }
}

/// A failure already rendered as several lines (an import's list of problems), with its code.
struct CommandFailure: Error {
    let lines: [String]
    let code: Int32
}
