public import FormationDomain

/// A file the user named that cannot be used. Maps to sysexits 66 (input) and 73 (output).
public enum FileFailure: Error, Equatable, Sendable, LocalizedFailure {
    case missing(String)
    case unreadable(String, reason: String)
    case isDirectory(String)
    case unwritable(String, reason: String)
    /// Readable, but not UTF-8 text, or too large for what it claims to be: bad data (65).
    case notText(String)

    public var message: Message {
        switch self {
        case .missing(let path): Message(.fileMissing, path)
        case .unreadable(let path, let reason): Message(.fileUnreadable, arguments: [.text(path), SystemErrorWording.argument(reason)])
        case .isDirectory(let path): Message(.fileIsDirectory, path)
        case .unwritable(let path, let reason): Message(.outputUnwritable, arguments: [.text(path), SystemErrorWording.argument(reason)])
        case .notText(let path): Message(.fileNotText, path)
        }
    }
}
