import ArgumentParser
import FormationUseCases
import FormationViews
import Foundation

/// `--format` of histories and reports: besides text and JSON, a printable HTML page.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html
}

/// `--format text|json|html` and `-o FILE`, as histories and reports take them.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Help.text(.helpReportFormat), valueName: "text|json|html")) var format: ReportFormat = .text
    @Option(name: .shortAndLong, help: ArgumentHelp(Help.text(.helpOutput), valueName: "file")) var output: String?

    /// Renders the document in the chosen format (only that renderer runs) and writes it through
    /// the one output path; text is neutralised for the terminal and ends with a newline.
    func write(text: () -> String, json: () throws -> String, html: () -> String, protecting database: String) throws {
        let rendered: String
        Layout.writingToFile = output != nil && output != "-"
        switch format {
        case .text: rendered = Layout.fitted(TerminalText.neutralised(text())) + "\n"
        case .json: rendered = try json()
        case .html: rendered = html()
        }
        try Output.write(rendered.utf8, to: output, protecting: database)
    }
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
