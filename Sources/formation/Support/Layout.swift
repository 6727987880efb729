import Foundation

/// How wide text output may be. On a terminal: its width (`COLUMNS` when set, else what the
/// terminal says, else 80), and tables and long lines are fitted to it. Anywhere else (a pipe, a
/// file, `-o`): nothing is cut or wrapped, so scripts and files keep every character.
enum Layout {
    /// The width text output may take: the terminal's, or nil when stdout is not a terminal or the
    /// command writes to a file (`-o`).
    static var width: Int? { writingToFile ? nil : terminalWidth }

    /// Set by a command whose output goes to a file, before it renders.
    /// `nonisolated(unsafe)`: set once on the main thread before rendering, read there.
    nonisolated(unsafe) static var writingToFile = false

    /// Lines of `text` wrapped to `width` (unchanged when there is none).
    static func fitted(_ text: String) -> String {
        guard width != nil else { return text }
        // Lines split per scalar, not per Character: "\r\n" is one Character and would hide a line end.
        return text.components(separatedBy: "\n").flatMap { wrap($0) }.joined(separator: "\n")
    }

    private static let terminalWidth: Int? = {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns >= 20 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 { return Int(size.ws_col) }
        return 80
    }()

    /// `line` wrapped at spaces to `width` columns, continuation lines indented by `indent` more
    /// than the line's own indentation; unchanged when there is no width (not a terminal).
    static func wrap(_ line: String, indent: Int = 2, width: Int? = Layout.width) -> [String] {
        guard let width, Table.width(line) > width else { return [line] }
        let leading = line.prefix(while: { $0 == " " }).count
        return wrap(words: String(line.dropFirst(leading)), firstPrefix: String(repeating: " ", count: leading),
                    nextPrefix: String(repeating: " ", count: leading + indent), width: width)
    }

    /// The words of `text` in lines of at most `width` columns after their prefix (a longer word
    /// has a line of its own).
    static func wrap(words text: String, firstPrefix: String, nextPrefix: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = firstPrefix
        var empty = true
        for word in text.split(separator: " ") {
            if !empty, Table.width(current) + 1 + Table.width(String(word)) > width {
                lines.append(current)
                current = nextPrefix
                empty = true
            }
            current += (empty ? "" : " ") + word
            empty = false
        }
        lines.append(current)
        return lines
    }
}
