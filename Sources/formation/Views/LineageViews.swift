import FormationDomain
import FormationUseCases
import FormationViews

/// `workshop lineage`: an indented tree, JSON, or Graphviz.
enum LineageText {
    typealias T = TextViews

    static func render(_ lineage: WorkshopLineage, _ language: Language) -> String {
        let workshop = lineage.workshop
        var lines = [T.t(.lineageHeading, language, T.text(workshop.workshop.title, language), workshop.ref.description)]
        if lineage.lineage.roots.isEmpty { lines.append("  " + T.t(.lineageEmpty, language)) }
        for root in lineage.lineage.roots { append(root, depth: 0, to: &lines, lineage, language) }
        return lines.joined(separator: "\n")
    }

    private static func append(_ node: TeachingLineage.Node, depth: Int, to lines: inout [String], _ lineage: WorkshopLineage, _ language: Language) {
        let indent = String(repeating: "  ", count: depth)
        let name = lineage.name(node.person)
        switch node.elided {
        case .cycle:
            lines.append(indent + T.t(.lineageCycle, language, name))
            return
        case .shownAbove:
            lines.append(indent + T.t(.lineageShownAbove, language, name))
            return
        case .tooDeep:
            lines.append(indent + T.t(.lineageTooDeep, language, name, String(TeachingLineage.maximumDepth)))
            return
        case nil:
            break
        }
        if node.teachings.isEmpty {
            lines.append(indent + name)
            return
        }
        for teaching in node.teachings {
            lines.append(indent + T.t(.lineageTaughtAt, language, name, lineage.battleName(teaching.battle), teaching.date.description))
            for learner in teaching.learners { append(learner, depth: depth + 1, to: &lines, lineage, language) }
            // Learners who never taught it are counted, not named (unless `--learners`).
            if teaching.unlisted > 0 {
                lines.append(indent + "  " + T.t(teaching.learners.isEmpty ? .lineageLearnedThere : .lineageOthersLearnedThere, language,
                                                 String(teaching.unlisted)))
            }
        }
    }

    /// A Graphviz digraph: one node per person, one edge per teacher, learner and battle.
    static func dot(_ lineage: WorkshopLineage) -> String {
        let quoted = DOTText.quoted
        var lines = ["digraph lineage {",
                     "  label=\(quoted(lineage.workshop.ref.description));",
                     "  rankdir=TB;",
                     "  node [shape=box];"]
        for person in lineage.lineage.people {
            lines.append("  \(quoted(person.rawValue)) [label=\(quoted(lineage.name(person)))];")
        }
        var seen = Set<String>()
        lineage.lineage.forEachEdge { edge in
            let key = "\(edge.teacher)|\(edge.learner)|\(edge.battle)"
            guard seen.insert(key).inserted else { return }
            let label = "\(lineage.battleName(edge.battle))\n\(edge.date)"
            lines.append("  \(quoted(edge.teacher.rawValue)) -> \(quoted(edge.learner.rawValue)) [label=\(quoted(label))];")
        }
        // Learners not named: one "+N" box per teacher and battle.
        for group in lineage.lineage.unlisted {
            let id = quoted("\(group.teacher)|\(group.battle)")
            let label = "\(lineage.battleName(group.battle))\n\(group.date)"
            lines.append("  \(id) [label=\(quoted("+\(group.count)")), shape=plaintext];")
            lines.append("  \(quoted(group.teacher.rawValue)) -> \(id) [label=\(quoted(label)), style=dashed];")
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }
}

/// `workshop lineage --format json` (README), written as it is walked (`JSONStream`): a national
/// lineage is over 100 MB of JSON. Keys in sorted order, as `JSONOutput` writes them.
enum LineageJSON {
    static func write(_ lineage: WorkshopLineage, to output: Output) throws {
        var json = JSONStream(output)
        func node(_ tree: TeachingLineage.Node) throws {
            try json.beginObject()
            try json.optional("elided", tree.elided?.rawValue)
            try json.string("id", tree.person.rawValue)
            try json.string("name", lineage.name(tree.person))
            try json.beginArray("taught")
            for teaching in tree.teachings {
                try json.beginObject()
                try json.int("attended", teaching.attended)
                try json.string("battle", teaching.battle.rawValue)
                try json.string("battleName", lineage.battleName(teaching.battle))
                try json.string("date", teaching.date.description)
                try json.beginArray("learners")
                for learner in teaching.learners { try node(learner) }
                try json.endArray()
                try json.beginArray("sessions")
                for session in teaching.sessions { try json.string(nil, session.rawValue) }
                try json.endArray()
                try json.int("unlisted", teaching.unlisted)
                try json.endObject()
            }
            try json.endArray()
            try json.endObject()
        }
        try json.beginObject()
        try json.bool("allLearners", lineage.allLearners)
        try json.beginArray("edges")
        try lineage.lineage.forEachEdge { edge in
            try json.beginObject()
            try json.string("battle", edge.battle.rawValue)
            try json.string("date", edge.date.description)
            try json.string("learner", edge.learner.rawValue)
            try json.string("session", edge.session.rawValue)
            try json.string("teacher", edge.teacher.rawValue)
            try json.endObject()
        }
        try json.endArray()
        try json.beginArray("people")
        for person in lineage.lineage.people {
            try json.beginObject()
            try json.string("id", person.rawValue)
            try json.string("name", lineage.name(person))
            try json.endObject()
        }
        try json.endArray()
        try json.beginArray("roots")
        for root in lineage.lineage.roots { try node(root) }
        try json.endArray()
        // One text per language (the last of a language, as a dictionary keeps it), by language.
        var title: [String: String] = [:]
        for variant in lineage.workshop.workshop.title.variants { title[variant.language] = variant.text }
        try json.beginObject("title")
        for language in title.keys.sorted() { try json.string(language, title[language]!) }
        try json.endObject()
        try json.string("workshop", lineage.workshop.ref.description)
        try json.endObject()
        try json.finish()
    }
}

/// `workshop facilitators`: who can teach it.
enum FacilitatorsText {
    typealias T = TextViews

    /// - Parameter limited: the list holds only the best candidates (no `--all`): says so under a full list.
    static func render(_ list: WorkshopFacilitators, _ language: Language, limited: Bool = false) -> String {
        var lines = [T.t(.facilitatorsHeading, language, T.text(list.workshop.workshop.title, language), list.workshop.ref.description)]
        if let near = list.near { lines.append(T.t(.facilitatorsNear, language, near.state, near.name)) }
        guard !list.candidates.isEmpty else {
            lines.append("  " + T.t(.facilitatorsEmpty, language))
            return lines.joined(separator: "\n")
        }
        var table = Table(T.t(.headingID, language), T.t(.headingName, language), T.t(.headingPlant, language), T.t(.headingState, language),
                          T.t(.headingTaughtColumn, language), T.t(.headingAttendedColumn, language), T.t(.headingLastColumn, language))
        for entry in list.candidates {
            let c = entry.candidate
            table.add(c.person.short, c.name + (c.qualified ? " " + T.t(.facilitatorsQualifiedMark, language) : ""), entry.plantName ?? "", (c.state ?? "") + (entry.near ? " *" : ""),
                      String(c.taught), String(c.attended), c.last?.description ?? "")
        }
        lines.append(table.render())
        if limited && list.candidates.count == WorkshopFacilitators.defaultLimit {
            lines.append(T.t(.facilitatorsBest, language, String(WorkshopFacilitators.defaultLimit)))
        }
        return lines.joined(separator: "\n")
    }
}

struct FacilitatorJSON: Encodable {
    let id: String
    let name: String
    @NullEncoded var plant: String?
    @NullEncoded var plantId: String?
    @NullEncoded var state: String?
    let near: Bool
    let taught: Int
    /// Prior learning recognised in the workshop.
    let qualified: Bool
    let attended: Int
    @NullEncoded var lastTaught: String?
    @NullEncoded var lastAttended: String?
    @NullEncoded var last: String?

    init(_ entry: WorkshopFacilitators.Candidate) {
        let c = entry.candidate
        id = c.person.rawValue
        name = c.name
        plant = entry.plantName
        plantId = entry.plantID?.rawValue
        state = c.state
        near = entry.near
        taught = c.taught
        qualified = c.qualified
        attended = c.attended
        lastTaught = c.lastTaught?.description
        lastAttended = c.lastAttended?.description
        last = c.last?.description
    }

}
