/// A plain-text table: headings, then rows, columns padded to line up. On a terminal the widest
/// columns are cut with "…" until a row fits the terminal's width (`Layout.width`); in a pipe or a
/// file nothing is cut.
struct Table {
    var headings: [String]
    var rows: [[String]] = []

    init(_ headings: String...) { self.headings = headings }

    mutating func add(_ cells: String...) { rows.append(cells) }

    /// Columns never cut below this many columns (or their heading's width, if wider).
    static let narrowest = 8

    func render(width: Int? = Layout.width) -> String {
        var widths = headings.map(Self.width)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], Self.width(cell)) } }
        if let width {
            // A column of identifiers (`freehand-drawing/dimensioning`, `0e96323c`) is never cut: people type them.
            let floors = headings.indices.map { column in
                rows.allSatisfy({ column < $0.count && Self.isIdentifier($0[column]) }) ? widths[column]
                    : max(Self.width(headings[column]), Self.narrowest)
            }
            // Two spaces between columns; take one column at a time from the widest that can give.
            var total = widths.reduce(0, +) + 2 * (widths.count - 1)
            while total > width, let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) {
                widths[widest] -= 1
                total -= 1
            }
        }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, cell) in cells.enumerated() {
                let shown = Self.truncate(cell, widths[i])
                out += shown
                if i < cells.count - 1 { out += String(repeating: " ", count: widths[i] - Self.width(shown) + 2) }
            }
            return out
        }
        return ([line(headings)] + rows.map(line)).joined(separator: "\n")
    }

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-./".unicodeScalars.contains($0) }
    }

    /// Display width: one column per Unicode scalar that is not a combining mark.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.properties.generalCategory == .nonspacingMark ? 0 : 1) }
    }

    /// `text` cut to `limit` columns with "…", by Unicode scalar (a combining mark stays with its letter).
    static func truncate(_ text: String, _ limit: Int) -> String {
        guard width(text) > limit else { return text }
        var kept = String.UnicodeScalarView()
        var columns = 0
        for scalar in text.unicodeScalars {
            let counts = scalar.properties.generalCategory != .nonspacingMark
            if counts, columns == limit - 1 { break }
            kept.append(scalar)
            if counts { columns += 1 }
        }
        return String(kept) + "…"
    }
}
