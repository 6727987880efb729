public import FormationDomain

/// A problem in one file, at a place in it: printed as `FILE:LINE:COLUMN: error: message`.
public struct FileProblem: Sendable, Equatable {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: Message
    /// Indented lines that explain the problem further (the fields of a version conflict).
    public let details: [Message]

    public init(file: String, line: Int, column: Int, message: Message, details: [Message] = []) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.details = details
    }

    public func lines(_ language: Language) -> [String] {
        let prefix = line > 0 ? "\(file):\(line):\(column): " : "\(file): "
        let error = language == .es ? "error" : "error"
        return ["\(prefix)\(error): \(message.text(language))"] + details.map { $0.text(language) }
    }
}

/// What an import did, or would do, to each curriculum it read.
public enum CurriculumOutcome: Sendable, Equatable {
    case added(workshops: Int)
    case replaced(oldVersion: Int, workshops: Int)
    case unchanged
    case skippedOlder(storedVersion: Int)
    /// The same version with other content, taken because `--replace` was given.
    case replacedSameVersion(changes: Int)
}

public struct ImportReport: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let file: String
        public let curriculum: Slug
        public let version: Int
        public let outcome: CurriculumOutcome
        /// Workshops in the file.
        public let workshops: Int
        /// Workshops the stored copy had, the file lacks, and sessions or prerequisites still use:
        /// kept as retired.
        public var retired: [Slug] = []
    }

    /// A battle record merged (or checked).
    public struct RecordEntry: Sendable, Equatable {
        public let file: String
        public let battle: String
        public let sessionsAdded: Int
        public let sessionsKnown: Int
        public let peopleAdded: Int
        /// People merged here because the record carries merges made at the other plant.
        public var peopleMerged = 0
        /// Added people who may be someone already here: one line each, with the command that merges them.
        public var possibleDuplicates: [Message] = []
    }

    public internal(set) var entries: [Entry] = []
    public internal(set) var records: [RecordEntry] = []
    public internal(set) var problems: [FileProblem] = []
    /// True when the transaction was committed (never for `validate`).
    public internal(set) var committed = false

    public var succeeded: Bool { problems.isEmpty }

    /// The line a person reads for one entry.
    public static func message(for entry: Entry) -> Message {
        let id = entry.curriculum.rawValue, version = String(entry.version)
        switch entry.outcome {
        case .added(let workshops): return Message(.importAdded, id, version, String(workshops))
        case .replaced(let old, _): return Message(.importReplaced, id, version, String(old))
        case .unchanged: return Message(.importUnchanged, id, version)
        case .skippedOlder(let stored): return Message(.importSkippedOlder, id, version, String(stored))
        case .replacedSameVersion: return Message(.importReplaced, id, version, version)
        }
    }
}
