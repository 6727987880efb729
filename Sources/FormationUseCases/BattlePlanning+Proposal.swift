public import FormationDomain
public import FormationStorage
internal import FormationPlanning
internal import Foundation

/// What `battle plan` proposes, ready to show and to apply: sessions with their people and why each
/// is there, the objective's three figures, and how sure the solver is.
public struct BattlePlanProposal: Sendable {
    public let battle: BattleEntry
    public let clock: LocalClock
    public let sessions: [PlannedSession]
    /// Learnings, learners, first-time facilitators: the objective, most important first.
    public let learnings: Int
    public let learners: Int
    public let firstTimeFacilitators: Int
    public let provenOptimal: Bool
    /// Relative gap to the solver's bound when not proven optimal (nil: no bound at all).
    public let gap: Double?
    public let learningsBound: Int?
    public let seconds: Double
    /// Why wanted workshops got no session, or why the plan is empty.
    public let issues: [PlanIssue]
    /// The battle as it would be with the plan applied, for the `battle show` grid.
    public let timetable: Timetable
    /// The exact problem solved, as JSON (the README documents it).
    public let instanceJSON: [UInt8]
}

/// One proposed session.
public struct PlannedSession: Sendable {
    /// The id it gets when applied.
    public let id: EntityID
    public let workshop: WorkshopRef
    public let title: LocalizedText?
    public let place: String
    public let start: Int64
    public let end: Int64
    public let facilitators: [PlannedPerson]
    public let participants: [PlannedPerson]
}

/// Someone in a proposed session, and why they are there: for a facilitator, how they know the
/// workshop; for a participant, how they meet each prerequisite (they are there to learn it).
public struct PlannedPerson: Sendable {
    public let person: PersonName
    /// Facilitators only: they have never taught this workshop.
    public let firstTime: Bool
    public let reasons: [PlanReason]
}

/// How someone knows a workshop, as the plan relies on it.
public struct PlanReason: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case taught, attended, qualified
        /// Registered in a session of the battle already planned (`session`).
        case registered
        /// Learns it earlier in this plan (`session`, a proposed one).
        case planned
    }

    public let kind: Kind
    public let workshop: WorkshopRef
    public let session: EntityID?
    /// `workshop @ place, when` of a session already in the battle; the number of a proposed one
    /// (1 for the first).
    public let sessionLabel: String?

    public var message: Message {
        switch kind {
        case .taught: Message(.planWhyTaught, workshop.description)
        case .attended: Message(.planWhyAttended, workshop.description)
        case .qualified: Message(.planWhyQualified, workshop.description)
        case .registered: Message(.planWhyRegistered, workshop.description, sessionLabel ?? "")
        case .planned: Message(.planWhyPlanned, workshop.description, sessionLabel ?? "")
        }
    }
}

/// Why the plan leaves a workshop out, or is empty: `kind` for scripts (`nobodyCanTeach`…), the
/// workshop when there is one, and the words.
public struct PlanIssue: Sendable, Equatable {
    public let kind: String
    public let workshop: WorkshopRef?
    public let message: Message
}

extension BattlePlanning {
    /// Proposes sessions for the battle's free learning time, searching for at most
    /// `request.timeLimit` seconds (the CLI draws its progress line from a timer meanwhile). Writes nothing.
    ///
    /// - Returns: the proposal; an empty one (with `issues`) is not an error here.
    /// - Throws: `LookupError`, `DomainError` for a bad request.
    public func plan(battle: String, _ request: PlanRequest) throws -> BattlePlanProposal {
        let reading = try read(battle: battle, request)
        let plan = Planner.solve(reading.instance, timeLimit: request.timeLimit)
        return try Self.proposal(plan, reading)
    }

    static func proposal(_ plan: Plan, _ reading: Reading) throws -> BattlePlanProposal {
        let clock = reading.clock
        let ids = plan.sessions.map { _ in EntityID.random() }
        func name(_ id: String) -> PersonName {
            let person = EntityID(trusted: id)
            return PersonName.named(person, reading.names[person] ?? person.short)
        }
        func label(workshop: WorkshopRef, place: String, start: Int64, end: Int64) -> String {
            "\(workshop) @ \(place), \(clock.label(start: start, end: end))"
        }
        func reason(_ knowledge: Knowledge, _ workshop: WorkshopRef) -> PlanReason {
            switch knowledge.kind {
            case .taught: return PlanReason(kind: .taught, workshop: workshop, session: nil, sessionLabel: nil)
            case .attended: return PlanReason(kind: .attended, workshop: workshop, session: nil, sessionLabel: nil)
            case .qualified: return PlanReason(kind: .qualified, workshop: workshop, session: nil, sessionLabel: nil)
            case .fixed:
                let session = knowledge.session.flatMap { reading.fixed.indices.contains($0) ? reading.fixed[$0] : nil }
                return PlanReason(kind: .registered, workshop: workshop, session: session?.id, sessionLabel: session.map {
                    label(workshop: $0.workshop, place: $0.place, start: $0.start, end: $0.end)
                })
            case .plan:
                let index = knowledge.session.flatMap { plan.sessions.indices.contains($0) ? $0 : nil }
                return PlanReason(kind: .planned, workshop: workshop, session: index.map { ids[$0] }, sessionLabel: index.map { String($0 + 1) })
            }
        }
        let sessions = plan.sessions.enumerated().map { index, proposed in
            PlannedSession(
                id: ids[index], workshop: proposed.workshop, title: reading.workshops[proposed.workshop]?.title, place: proposed.place,
                start: proposed.start, end: proposed.end,
                facilitators: proposed.facilitators.map {
                    PlannedPerson(person: name($0.person), firstTime: $0.firstTime, reasons: [reason($0.knows, proposed.workshop)])
                },
                participants: proposed.participants.map { participant in
                    PlannedPerson(person: name(participant.person), firstTime: false,
                                  reasons: participant.prerequisites.map { reason($0.knows, $0.workshop) })
                })
        }
        let proposedEntries = try sessions.map { planned in
            SessionEntry(session: try Session(id: planned.id, battle: reading.battle.battle.id, workshop: planned.workshop, start: planned.start,
                                          end: planned.end, place: planned.place),
                         facilitators: planned.facilitators.map(\.person), participants: planned.participants.count, attended: 0)
        }
        let entries = (reading.existing + proposedEntries).sorted {
            ($0.session.start, $0.session.place, $0.session.id) < ($1.session.start, $1.session.place, $1.session.id)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return BattlePlanProposal(
            battle: reading.battle, clock: clock, sessions: sessions, learnings: plan.objective.learnings, learners: plan.objective.learners,
            firstTimeFacilitators: plan.objective.firstTimeFacilitators, provenOptimal: plan.provenOptimal, gap: plan.gap,
            learningsBound: plan.learningsBound, seconds: plan.seconds, issues: plan.issues.map(Self.issue),
            timetable: Timetable(battle: reading.battle, clock: clock, sessions: entries, workshops: reading.workshops),
            instanceJSON: Array(try encoder.encode(reading.instance)) + [0x0A])
    }

    static func issue(_ issue: PlanningIssue) -> PlanIssue {
        let (kind, workshop): (String, WorkshopRef?) = switch issue {
        case .invalidInstance: ("invalidInstance", nil)
        case .noWindows: ("noWindows", nil)
        case .noPlaces: ("noPlaces", nil)
        case .noWorkshops: ("noWorkshops", nil)
        case .noPeople: ("noPeople", nil)
        case .workshopTooLong(let w, _, _): ("workshopTooLong", w)
        case .nobodyCanTeach(let w): ("nobodyCanTeach", w)
        case .everyoneKnows(let w): ("everyoneKnows", w)
        case .prerequisitesUnmet(let w, _): ("prerequisitesUnmet", w)
        case .tooFewLearners(let w, _, _): ("tooFewLearners", w)
        case .noCommonTime(let w): ("noCommonTime", w)
        case .solverFailed: ("solverFailed", nil)
        }
        return PlanIssue(kind: kind, workshop: workshop, message: issue.message)
    }
}
