public import FormationDomain
internal import GRDB

/// A problem of the whole prerequisite graph, on a workshop an import brought.
public struct PrerequisiteProblem: Sendable, Equatable {
    public let workshop: WorkshopRef
    /// The workshop's place in its curriculum (its `position`: file order for what the import wrote).
    public let position: Int
    public let error: DomainError
}

extension CurriculumTransaction {
    /// The checks an import makes once every file is written (what `CurriculumRules.graphProblems`
    /// checks on domain values): prerequisites that lead nowhere, and a cycle, for the workshops of
    /// `incoming` curricula (the rest of the graph was checked when it was imported).
    ///
    /// The workshops are numbered in SQL (a temporary table, rowids in key order), so the graph
    /// reaches Swift as integers: a 500 MB pack's 49,000 workshops and 57,000 edges then cost
    /// about 0.6 MB instead of the ~16 MB of a `[WorkshopRef: [WorkshopRef]]` (BENCHMARKS.md).
    ///
    /// - Returns: problems in key order; a cycle is reported once, at its first incoming workshop.
    public func prerequisiteProblems(incoming: Set<Slug>) throws -> [PrerequisiteProblem] {
        guard !incoming.isEmpty else { return [] }
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.graphNode;
            CREATE TEMP TABLE graphNode (curriculumId TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (curriculumId, id));
            INSERT INTO temp.graphNode (curriculumId, id) SELECT curriculumId, id FROM main.workshop ORDER BY curriculumId, id;
            """)
        defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.graphNode") }

        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.graphNode") ?? 0
        // Node n is rowid n + 1; each curriculum is one run of numbers.
        var isIncoming = [Bool](repeating: false, count: count)
        for row in try Row.fetchAll(db, sql: "SELECT curriculumId, min(rowid) - 1, max(rowid) FROM temp.graphNode GROUP BY curriculumId")
        where incoming.contains(Slug(trusted: row[0])) {
            for node in (row[1] as Int) ..< (row[2] as Int) { isIncoming[node] = true }
        }

        var graph = NumberedPrerequisites()
        var required: [Int32] = []
        var current = -1
        var missing: [(node: Int, required: WorkshopRef)] = []
        func close(through node: Int) {
            while graph.count <= node {
                graph.append(requiring: graph.count == current ? required : [])
            }
        }
        // In the prerequisite table's key order, which is the numbering's order: no sort.
        let edges = try Row.fetchCursor(db, sql: """
            SELECT a.rowid - 1, b.rowid - 1, p.requiredCurriculumId, p.requiredWorkshopId
            FROM main.prerequisite p
            JOIN temp.graphNode a ON a.curriculumId = p.curriculumId AND a.id = p.workshopId
            LEFT JOIN temp.graphNode b ON b.curriculumId = p.requiredCurriculumId AND b.id = p.requiredWorkshopId
            ORDER BY p.curriculumId, p.workshopId, p.position
            """)
        while let edge = try edges.next() {
            let node: Int = edge[0]
            if node != current {
                close(through: current)
                close(through: node - 1)
                current = node
                required.removeAll(keepingCapacity: true)
            }
            if let target = edge[1] as Int? {
                required.append(Int32(target))
            } else if isIncoming[node] {
                missing.append((node, WorkshopRef(curriculum: Slug(trusted: edge[2]), workshop: Slug(trusted: edge[3]))))
            }
        }
        close(through: current)
        close(through: count - 1)

        var problems: [PrerequisiteProblem] = []
        for (node, prerequisite) in missing {
            let (ref, position) = try workshop(numbered: node)
            let shown = prerequisite.curriculum == ref.curriculum ? prerequisite.workshop.rawValue : prerequisite.description
            // A whole curriculum missing (neither stored nor in this call) is named, so that the person
            // knows which pack to add to the same import.
            if let other = prerequisite.curriculum, other != ref.curriculum,
               try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM curriculum WHERE id = ?)", arguments: [other.rawValue])! {
                problems.append(PrerequisiteProblem(workshop: ref, position: position, error: .missingCurriculum(
                    workshop: ref.workshop.rawValue, prerequisite: shown, curriculum: other.rawValue)))
                continue
            }
            problems.append(PrerequisiteProblem(workshop: ref, position: position, error: .unknownPrerequisite(
                workshop: ref.workshop.rawValue, prerequisite: shown)))
        }
        if let cycle = graph.findCycle() {
            let refs = try cycle.map { try workshop(numbered: $0) }
            let at = cycle.firstIndex { isIncoming[$0] } ?? 0
            problems.append(PrerequisiteProblem(workshop: refs[at].ref, position: refs[at].position,
                                                error: .prerequisiteCycle(refs.map(\.ref.description))))
        }
        return problems
    }

    private func workshop(numbered node: Int) throws -> (ref: WorkshopRef, position: Int) {
        let row = try Row.fetchOne(db, sql: """
            SELECT w.curriculumId, w.id, w.position FROM temp.graphNode n
            JOIN main.workshop w ON w.curriculumId = n.curriculumId AND w.id = n.id WHERE n.rowid = ?
            """, arguments: [node + 1])!
        return (WorkshopRef(curriculum: Slug(trusted: row[0]), workshop: Slug(trusted: row[1])), row[2])
    }
}
