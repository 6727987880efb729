internal import FormationDomain
internal import FormationUseCases
internal import FormationViews

/// A workshop's lineage drawn as an inline SVG tree (no Graphviz on the server, no script on the
/// phone): one row per teacher and battle, as `workshop lineage` prints it, each learner indented
/// under the teaching they learned in, joined to it by an elbow line.
enum LineageSVG {
    /// Rows beyond this are left out with a note: a page stays small on a slow network.
    static let maximumRows = 400

    struct Row {
        let depth: Int
        let text: String
        let parent: Int?
        let muted: Bool
    }

    static func render(_ lineage: WorkshopLineage, _ language: Language) -> String {
        var rows: [Row] = []
        for root in lineage.lineage.roots { walk(root, depth: 0, parent: nil, into: &rows, lineage, language) }
        guard !rows.isEmpty else { return "<p>\(HTML.escape(TextViews.t(.lineageEmpty, language)))</p>\n" }
        let shown = Array(rows.prefix(maximumRows))
        let rowHeight = 26, indent = 22, left = 8
        let width = shown.map { left + $0.depth * indent + 14 + $0.text.unicodeScalars.count * 8 }.max() ?? 100
        let height = shown.count * rowHeight + 8
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" "
        svg += "font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"14\">\n"
        svg += "<title>\(HTML.escape(TextViews.t(.webLineage, language)))</title>\n"
        for (index, row) in shown.enumerated() {
            let x = left + row.depth * indent, y = index * rowHeight + 18
            if let parent = row.parent {
                let px = left + shown[parent].depth * indent + 4, py = parent * rowHeight + 22
                svg += "<path d=\"M\(px) \(py) V\(y - 5) H\(x - 3)\" fill=\"none\" stroke=\"#7a1f1f\" stroke-width=\"1.5\"/>\n"
            }
            svg += "<circle cx=\"\(x + 4)\" cy=\"\(y - 5)\" r=\"3.5\" fill=\"\(row.muted ? "#999" : "#7a1f1f")\"/>\n"
            svg += "<text x=\"\(x + 12)\" y=\"\(y)\"\(row.muted ? " fill=\"#555\" font-style=\"italic\"" : "")>\(HTML.escape(row.text))</text>\n"
        }
        svg += "</svg>\n"
        if rows.count > shown.count {
            svg += "<p class=\"small\">\(HTML.escape(TextViews.t(.webLineageCut, language, String(shown.count), String(rows.count))))</p>\n"
        }
        return svg
    }

    private static func walk(_ node: TeachingLineage.Node, depth: Int, parent: Int?, into rows: inout [Row],
                             _ lineage: WorkshopLineage, _ language: Language) {
        guard rows.count <= maximumRows else { return }
        let name = lineage.name(node.person)
        switch node.elided {
        case .cycle:
            rows.append(Row(depth: depth, text: TextViews.t(.lineageCycle, language, name), parent: parent, muted: true))
            return
        case .shownAbove:
            rows.append(Row(depth: depth, text: TextViews.t(.lineageShownAbove, language, name), parent: parent, muted: true))
            return
        case .tooDeep:
            rows.append(Row(depth: depth, text: TextViews.t(.lineageTooDeep, language, name, String(TeachingLineage.maximumDepth)),
                            parent: parent, muted: true))
            return
        case nil:
            break
        }
        if node.teachings.isEmpty {
            rows.append(Row(depth: depth, text: name, parent: parent, muted: false))
            return
        }
        for teaching in node.teachings {
            let here = rows.count
            rows.append(Row(depth: depth, text: TextViews.t(.lineageTaughtAt, language, name, lineage.battleName(teaching.battle),
                                                            teaching.date.description), parent: parent, muted: false))
            for learner in teaching.learners { walk(learner, depth: depth + 1, parent: here, into: &rows, lineage, language) }
            if teaching.unlisted > 0 {
                rows.append(Row(depth: depth + 1, text: TextViews.t(teaching.learners.isEmpty ? .lineageLearnedThere : .lineageOthersLearnedThere,
                                                                    language, String(teaching.unlisted)), parent: here, muted: true))
            }
        }
    }
}
