public import FormationDomain

/// Why the planner proposes nothing for a wanted workshop, or nothing at all: a structured reason the
/// CLI renders through the message catalogue (`message`) and JSON carries as `kind` plus fields.
public enum PlanningIssue: Codable, Sendable, Equatable, LocalizedFailure {
    /// The instance cannot be read as a problem (a window that ends before it starts, a fixed session
    /// naming a person not in it…).
    case invalidInstance(detail: String)
    case noWindows
    case noPlaces
    case noWorkshops
    case noPeople
    /// Longer than every learning window (minutes of the workshop, minutes of the longest window).
    case workshopTooLong(workshop: WorkshopRef, minutes: Int, longestWindow: Int)
    /// Nobody has taught, attended or is qualified for it, and nobody can learn it in this plan first.
    case nobodyCanTeach(workshop: WorkshopRef)
    /// Everyone on the roster knows it already.
    case everyoneKnows(workshop: WorkshopRef)
    /// Of those who do not know it, none meets its prerequisites or can learn them in this plan.
    case prerequisitesUnmet(workshop: WorkshopRef, prerequisites: [WorkshopRef])
    /// Fewer people could learn it than its minimum of participants.
    case tooFewLearners(workshop: WorkshopRef, eligible: Int, minimum: Int)
    /// Someone could teach it and enough could learn it, but never at the same time, in a free place,
    /// outside their shifts (or other workshops gave more learnings in that time).
    case noCommonTime(workshop: WorkshopRef)
    /// The solver stopped without a plan (its status, for the log).
    case solverFailed(status: String)

    public var message: Message {
        switch self {
        case .invalidInstance(let detail): Message(.planInvalidInstance, detail)
        case .noWindows: Message(.planNoWindows)
        case .noPlaces: Message(.planNoPlaces)
        case .noWorkshops: Message(.planNoWorkshops)
        case .noPeople: Message(.planNoPeople)
        case .workshopTooLong(let workshop, let minutes, let longest):
            Message(.planWorkshopTooLong, workshop.description, String(minutes), String(longest))
        case .nobodyCanTeach(let workshop): Message(.planNobodyCanTeach, workshop.description)
        case .everyoneKnows(let workshop): Message(.planEveryoneKnows, workshop.description)
        case .prerequisitesUnmet(let workshop, let prerequisites):
            Message(.planPrerequisitesUnmet, workshop.description, prerequisites.map(\.description).joined(separator: ", "))
        case .tooFewLearners(let workshop, let eligible, let minimum):
            Message(.planTooFewLearners, workshop.description, String(eligible), String(minimum))
        case .noCommonTime(let workshop): Message(.planNoCommonTime, workshop.description)
        case .solverFailed(let status): Message(.planSolverFailed, status)
        }
    }
}
