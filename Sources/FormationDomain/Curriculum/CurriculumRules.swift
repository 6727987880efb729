/// A problem found in a curriculum, tied to the workshop it concerns (nil: the header)
/// so that the reader of a file can point at a line.
public struct CurriculumProblem: Error, Equatable, Sendable {
    public let curriculum: Slug
    public let workshop: Slug?
    public let error: DomainError

    public init(curriculum: Slug, workshop: Slug?, error: DomainError) {
        self.curriculum = curriculum
        self.workshop = workshop
        self.error = error
    }
}

/// The checks that need more than one workshop: run after the schema, before anything is written.
public enum CurriculumRules {
    /// Checks `curricula` together, as one import.
    ///
    /// - Parameters:
    ///   - curricula: the packs of one call, possibly depending on each other.
    ///   - known: prerequisites of workshops already stored (qualified refs), for refs and cycles
    ///     that cross into the database. Curricula being imported replace their stored copies.
    /// - Returns: every problem found; empty means the packs may be written.
    public static func check(
        _ curricula: [Curriculum], known: [WorkshopRef: [WorkshopRef]] = [:]
    ) -> [CurriculumProblem] {
        var problems: [CurriculumProblem] = []
        let incoming = Set(curricula.map(\.id))
        var graph = known.filter { ref, _ in !(ref.curriculum.map(incoming.contains) ?? false) }

        for curriculum in curricula {
            var seen = Set<Slug>()
            for workshop in curriculum.workshops {
                if !seen.insert(workshop.id).inserted {
                    problems.append(.init(curriculum: curriculum.id, workshop: workshop.id,
                                          error: .duplicateWorkshop(workshop.id.rawValue)))
                }
                do { try workshop.validate() } catch {
                    problems.append(.init(curriculum: curriculum.id, workshop: workshop.id, error: error))
                }
                let node = WorkshopRef(curriculum: curriculum.id, workshop: workshop.id)
                graph[node] = workshop.prerequisites.map { $0.qualified(in: curriculum.id) }
            }
        }
        let incomingNodes = curricula.flatMap { curriculum in
            curriculum.workshops.map { WorkshopRef(curriculum: curriculum.id, workshop: $0.id) }
        }
        for (node, error) in graphProblems(in: graph, incoming: incomingNodes) {
            problems.append(.init(curriculum: node.curriculum!, workshop: node.workshop, error: error))
        }
        return problems
    }
}

extension CurriculumRules {
    /// The checks that need the whole graph: prerequisites that lead nowhere, and a cycle.
    ///
    /// - Parameters:
    ///   - graph: every workshop that will exist after the import (qualified refs) → what it requires.
    ///   - incoming: the workshops being imported, in file order; only their prerequisites are
    ///     checked (the rest of the graph was checked when it was imported).
    /// - Returns: each problem with the workshop it belongs to; a cycle is reported once, at the
    ///   first incoming workshop on it.
    public static func graphProblems(in graph: [WorkshopRef: [WorkshopRef]], incoming: [WorkshopRef]) -> [(WorkshopRef, DomainError)] {
        var problems: [(WorkshopRef, DomainError)] = []
        for node in incoming {
            for required in graph[node] ?? [] where graph[required] == nil {
                let shown = required.curriculum == node.curriculum ? required.workshop.rawValue : required.description
                problems.append((node, .unknownPrerequisite(workshop: node.workshop.rawValue, prerequisite: shown)))
            }
        }
        if let cycle = PrerequisiteGraph.findCycle(in: graph) {
            let incomingSet = Set(incoming)
            let at = cycle.first(where: incomingSet.contains) ?? cycle[0]
            problems.append((at, .prerequisiteCycle(cycle.map(\.description))))
        }
        return problems
    }
}

/// Prerequisite graphs: workshop → the workshops it requires.
public enum PrerequisiteGraph {
    /// A cycle if there is one, as the path `a → b → … → a` (first node repeated at the end),
    /// found deterministically (nodes visited in sorted order). Iterative, so deep chains cannot
    /// overflow the stack.
    public static func findCycle(in graph: [WorkshopRef: [WorkshopRef]]) -> [WorkshopRef]? {
        enum Mark { case visiting, done }
        var marks: [WorkshopRef: Mark] = [:]
        for start in graph.keys.sorted() where marks[start] == nil {
            var stack: [(node: WorkshopRef, next: Int)] = [(start, 0)]
            marks[start] = .visiting
            while let top = stack.last {
                let edges = graph[top.node] ?? []
                if top.next < edges.count {
                    stack[stack.count - 1].next += 1
                    let target = edges[top.next]
                    switch marks[target] {
                    case .visiting:
                        let from = stack.firstIndex { $0.node == target }!
                        return stack[from...].map(\.node) + [target]
                    case .done:
                        continue
                    case nil:
                        guard graph[target] != nil else { continue }
                        marks[target] = .visiting
                        stack.append((target, 0))
                    }
                } else {
                    marks[top.node] = .done
                    stack.removeLast()
                }
            }
        }
        return nil
    }

    /// Every workshop `ref` requires, directly or not.
    public static func allPrerequisites(of ref: WorkshopRef, in graph: [WorkshopRef: [WorkshopRef]]) -> Set<WorkshopRef> {
        var result = Set<WorkshopRef>()
        var pending = graph[ref] ?? []
        while let next = pending.popLast() {
            if result.insert(next).inserted { pending += graph[next] ?? [] }
        }
        return result
    }
}
