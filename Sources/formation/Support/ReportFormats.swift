import ArgumentParser
import Foundation

/// `--format` of histories and reports: besides text and JSON, a printable HTML page.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html
}

/// `--format` of a lineage: a text tree, JSON, or Graphviz `dot`.
enum LineageFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, dot
}

extension JSONOutput {
    /// The same document `print` writes, as a string with a final newline (for `-o FILE`).
    static func string<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
