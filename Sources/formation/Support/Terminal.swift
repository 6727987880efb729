import Foundation

/// Data to stdout, messages to stderr (DESIGN.md §4).
enum Terminal {
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        standardError("formation: error: " + text)
    }

    static func notice(_ text: String) {
        standardError("formation: " + text)
    }
}
