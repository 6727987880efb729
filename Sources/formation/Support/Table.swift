/// A plain-text table for an 80-column terminal: headings, then rows, columns padded to fit.
struct Table {
    var headings: [String]
    var rows: [[String]] = []

    init(_ headings: String...) { self.headings = headings }

    mutating func add(_ cells: String...) { rows.append(cells) }

    /// Long cells are cut with "…" so that a row stays on one line.
    func render(maxCellWidth: Int = 36) -> String {
        let cut = rows.map { $0.map { Self.truncate($0, maxCellWidth) } }
        var widths = headings.map(Self.width)
        for row in cut { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], Self.width(cell)) } }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, cell) in cells.enumerated() {
                out += cell
                if i < cells.count - 1 { out += String(repeating: " ", count: widths[i] - Self.width(cell) + 2) }
            }
            return out
        }
        return ([line(headings)] + cut.map(line)).joined(separator: "\n")
    }

    /// Display width: one column per Unicode scalar that is not a combining mark.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.properties.generalCategory == .nonspacingMark ? 0 : 1) }
    }

    static func truncate(_ text: String, _ limit: Int) -> String {
        guard width(text) > limit else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }
}
