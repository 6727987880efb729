public import FormationDomain

/// A place in a document: 1-based line and column (in characters). Line 0 means the file as a
/// whole (it could not be opened or read); column 0 means "somewhere on this line", as libxml2
/// reports schema errors met while streaming.
public struct XMLPosition: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: XMLPosition, rhs: XMLPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// One problem found in a document, where it is. The CLI renders it as
/// `FILE:LINE:COLUMN: error: <message in the reader's language>`.
public struct XMLIssue: Error, Sendable, Equatable, LocalizedFailure {
    public let line: Int
    public let column: Int
    public let message: Message

    public init(line: Int, column: Int, message: Message) {
        self.line = line
        self.column = column
        self.message = message
    }

    public init(at position: XMLPosition, _ message: Message) {
        self.init(line: position.line, column: position.column, message: message)
    }

    public var position: XMLPosition { XMLPosition(line: line, column: column) }
}

/// Why a document was refused: its issues in file order, at most `XMLLimits.maxIssues` of them,
/// then one `tooManyErrors` issue if the reader stopped early. Never empty.
public struct XMLReadFailure: Error, Sendable, Equatable, LocalizedFailure {
    public let issues: [XMLIssue]

    public init(issues: [XMLIssue]) {
        precondition(!issues.isEmpty, "a refused document has at least one issue")
        self.issues = issues
    }

    /// The first issue's message, for callers that show one line.
    public var message: Message { issues[0].message }
}
