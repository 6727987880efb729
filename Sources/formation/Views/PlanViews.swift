import FormationDomain
import FormationUseCases
import FormationViews
import Foundation

/// `battle plan` as text: the `battle show` grid with the proposed sessions in it, then each
/// proposed session with its people and why each is there, then the objective and how sure it is.
enum PlanText {
    static func render(_ proposal: BattlePlanProposal, _ language: Language) -> String {
        func t(_ id: MessageID, _ arguments: String...) -> String { Message(id, arguments: arguments.map { .text($0) }).text(language) }
        var lines: [String] = []
        if !proposal.sessions.isEmpty {
            lines += [TimetableText.grid(proposal.timetable, language), ""]
        }
        lines.append(t(.planHeading, String(proposal.sessions.count)))
        if proposal.sessions.isEmpty { lines.append("  " + t(.planNothing)) }
        for (index, session) in proposal.sessions.enumerated() {
            let title = session.title.map { "  " + TextViews.text($0, language) } ?? ""
            lines.append("\(index + 1). \(proposal.clock.label(start: session.start, end: session.end))  \(session.place)  \(session.workshop)\(title)")
            lines.append("   " + t(.planFacilitators, session.facilitators.map { person in
                let why = person.reasons.map { $0.message.text(language) } + (person.firstTime ? [t(.planWhyFirstTime)] : [])
                return "\(person.person.name) (\(why.joined(separator: "; ")))"
            }.joined(separator: ", ")))
            lines.append("   " + t(.planParticipants, session.participants.map { person in
                let why = [t(.planWhyLearns)] + person.reasons.map { $0.message.text(language) }
                return "\(person.person.name) (\(why.joined(separator: "; ")))"
            }.joined(separator: ", ")))
        }
        lines += ["", t(.planObjective, String(proposal.learnings), String(proposal.learners), String(proposal.firstTimeFacilitators))]
        let seconds = String(format: "%.1f", proposal.seconds)
        if proposal.provenOptimal {
            lines.append(t(.planOptimal, seconds))
        } else if let gap = proposal.gap {
            lines.append(t(.planWithinGap, seconds, String(format: "%.1f", gap * 100), proposal.learningsBound.map(String.init) ?? "?"))
        } else {
            lines.append(t(.planNoBound, seconds))
        }
        return lines.joined(separator: "\n")
    }
}

/// `battle plan --format json`: one object, documented in the README.
struct PlanJSON: Encodable {
    struct Objective: Encodable {
        let learnings: Int
        let learners: Int
        let firstTimeFacilitators: Int
    }

    struct Reason: Encodable {
        let kind: String
        let workshop: String
        /// The session (already in the battle, or proposed) that gives it; absent otherwise.
        let session: String?

        init(_ reason: PlanReason) {
            kind = reason.kind.rawValue
            workshop = reason.workshop.description
            session = reason.session?.rawValue
        }
    }

    struct Facilitator: Encodable {
        let id: String
        let name: String
        let firstTime: Bool
        let knows: Reason?
    }

    struct Participant: Encodable {
        let id: String
        let name: String
        let prerequisites: [Reason]
    }

    struct Session: Encodable {
        let id: String
        let workshop: String
        let place: String
        let start: String
        let end: String
        let facilitators: [Facilitator]
        let participants: [Participant]
    }

    struct Issue: Encodable {
        let kind: String
        let workshop: String?
    }

    let battle: PersonRefJSON
    let objective: Objective
    let provenOptimal: Bool
    let gap: Double?
    let learningsBound: Int?
    let seconds: Double
    let sessions: [Session]
    let issues: [Issue]
    let applied: Bool

    init(_ proposal: BattlePlanProposal, applied: Bool) {
        battle = PersonRefJSON(id: proposal.battle.battle.id.rawValue, name: proposal.battle.battle.name)
        objective = Objective(learnings: proposal.learnings, learners: proposal.learners, firstTimeFacilitators: proposal.firstTimeFacilitators)
        provenOptimal = proposal.provenOptimal
        gap = proposal.gap.map { ($0 * 10_000).rounded() / 10_000 }
        learningsBound = proposal.learningsBound
        seconds = (proposal.seconds * 100).rounded() / 100
        sessions = proposal.sessions.map { session in
            Session(id: session.id.rawValue, workshop: session.workshop.description, place: session.place,
                    start: ISO8601Local.string(session.start, proposal.clock), end: ISO8601Local.string(session.end, proposal.clock),
                    facilitators: session.facilitators.map {
                        Facilitator(id: $0.person.id.rawValue, name: $0.person.name, firstTime: $0.firstTime, knows: $0.reasons.first.map(Reason.init))
                    },
                    participants: session.participants.map {
                        Participant(id: $0.person.id.rawValue, name: $0.person.name, prerequisites: $0.reasons.map(Reason.init))
                    })
        }
        issues = proposal.issues.map { Issue(kind: $0.kind, workshop: $0.workshop?.description) }
        self.applied = applied
    }
}
