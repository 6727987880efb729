import FormationUseCases
import FormationViews

/// Data to stdout, messages to stderr (DESIGN.md §4), every byte through `write(2)`
/// (`DescriptorWriting`), never `FileHandle` or `print`: a full disk, a closed stream or a broken
/// pipe is exit 74 with one line, never a crash, whether the command's change is committed or not.
enum Terminal {
    /// Whether a message could not be written to stderr; `Formation.main` then exits 74.
    /// `nonisolated(unsafe)`: the command runs on the main thread only, and this is set and read there.
    nonisolated(unsafe) private(set) static var standardErrorFailed = false

    /// Human text and a final newline on stdout, control characters made visible
    /// (`TerminalText.neutralised`); on a terminal, lines wider than it are wrapped at spaces
    /// (`Layout`), in a pipe or a file they are left whole.
    /// - Throws: `OutputFailure.standardStream` (exit 74).
    static func output(_ text: String) throws {
        try data(Layout.fitted(TerminalText.neutralised(text)))
    }

    /// Machine text (JSON, ids) and a final newline on stdout, as it is.
    /// - Throws: `OutputFailure.standardStream` (exit 74).
    static func data(_ text: String) throws {
        if let code = DescriptorWriting.writeAll(1, (text + "\n").utf8) {
            throw OutputFailure.standardStream("<stdout>", reason: DescriptorWriting.describe(code))
        }
    }

    /// Bytes on stdout as they are, no newline added: JSON written in slices.
    /// - Throws: `OutputFailure.standardStream` (exit 74).
    static func bytes(_ bytes: some Sequence<UInt8>) throws {
        if let code = DescriptorWriting.writeAll(1, bytes) {
            throw OutputFailure.standardStream("<stdout>", reason: DescriptorWriting.describe(code))
        }
    }

    /// One message line on stderr, control characters made visible. A failure is remembered, not
    /// thrown: the command goes on, and ends with exit 74.
    static func standardError(_ text: String) {
        if DescriptorWriting.writeAll(2, (TerminalText.neutralised(text) + "\n").utf8) != nil { standardErrorFailed = true }
    }

    static func error(_ text: String) {
        standardError("formation: error: " + text)
    }

    static func notice(_ text: String) {
        standardError("formation: " + text)
    }
}
