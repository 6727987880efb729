/// What a worker's learning opens up: the workshops whose prerequisites they now meet.
///
/// Pure: the caller gathers what the person knows and the stored prerequisite graph.
public enum Readiness {
    /// Workshops `known` makes someone ready for, sorted by ref.
    ///
    /// A workshop is listed when it has at least one prerequisite, every one of its direct
    /// prerequisites is in `known`, and it is not in `known` itself. Workshops without
    /// prerequisites are open to anybody and are *not* listed: they say nothing about what this
    /// person learned. Direct prerequisites are enough, as for scheduling
    /// (`ScheduleRules.conflicts` checks the same ones).
    ///
    /// - Parameters:
    ///   - known: what the person knows, qualified: workshops attended, and those taught (as
    ///     `Scheduling` counts them, someone who taught a workshop knows it).
    ///   - graph: every stored workshop → its prerequisites (qualified), as `prerequisiteGraph()` gives.
    public static func readyFor(known: Set<WorkshopRef>, graph: [WorkshopRef: [WorkshopRef]]) -> [WorkshopRef] {
        graph.compactMap { workshop, prerequisites -> WorkshopRef? in
            guard !prerequisites.isEmpty, !known.contains(workshop),
                  prerequisites.allSatisfy(known.contains) else { return nil }
            return workshop
        }.sorted()
    }
}
