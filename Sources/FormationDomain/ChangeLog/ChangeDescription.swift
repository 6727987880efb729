/// Who asked for a write and how: what the change log records beside each changeset.
///
/// The time is not part of it: the store stamps each change when it commits.
public struct ChangeDescription: Sendable, Equatable {
    /// The command line as typed, the database path left out (`formation session add …`).
    public var command: String
    /// The operating-system user who ran it.
    public var user: String

    public init(command: String, user: String) {
        self.command = command
        self.user = user
    }

    /// For writes that nobody described (tests, library callers).
    public static let unnamed = ChangeDescription(command: "", user: "")
}
