public import FormationDomain
public import FormationStorage
internal import Foundation

/// When a session counts as attended or taught in histories and reports: `LearningRules`'
/// words, with the session.
public enum Counting {
    /// A participant who attended a session that was not cancelled.
    public static func attended(role: Role, status: AttendanceStatus, session: Session) -> Bool {
        LearningRules.attended(role: role, status: status) && !session.cancelled
    }

    /// A facilitator not marked absent, of a session held by `now`: one still to come is not taught yet.
    public static func taught(role: Role, status: AttendanceStatus, session: Session, now: Int64) -> Bool {
        LearningRules.taught(role: role, status: status) && LearningRules.held(session, now: now)
    }

    /// The present, in seconds since 1970: the default `now` of histories and reports.
    public static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

    /// The session's length in hours.
    public static func hours(_ session: Session) -> Double { Double(session.end - session.start) / 3600 }
}

/// A session in a learning history: what, where, when, and who else was there.
public struct HistorySession: Sendable {
    public let session: Session
    public let workshop: WorkshopRef
    /// The workshop's title, or its ref when its curriculum is no longer stored.
    public let title: LocalizedText
    public let category: WorkshopCategory?
    public let battle: BattleEntry
    /// The battle's clock: the session's times are shown in its zone.
    public let clock: LocalClock
    public let hours: Double
    /// Who taught it (facilitators not marked absent).
    public let facilitators: [PersonName]
    /// Participants registered (any status) and those who attended.
    public let participants: Int
    public let attended: Int
}

/// A competency a worker gained, and the workshop it came from.
public struct GainedCompetency: Sendable, Equatable {
    public let workshop: WorkshopRef
    public let text: LocalizedText
}

/// Prior learning recognised (`person qualify`) in a history: not attended, no hours.
public struct RecognisedLearning: Sendable, Equatable {
    public let workshop: WorkshopRef
    /// The workshop's title, or its ref when its curriculum is no longer stored.
    public let title: LocalizedText
    /// The local day it was recognised, on this machine's clock.
    public let recorded: CivilDate
    public let by: PersonName?
    public let note: String?
}

/// Everything one worker learned and taught, across every battle and plant, derived
/// from participations each time it is asked for.
public struct LearningHistory: Sendable {
    public let person: PersonEntry
    /// Sessions attended, newest first.
    public let attended: [HistorySession]
    /// Sessions taught, newest first.
    public let taught: [HistorySession]
    public let competencies: [GainedCompetency]
    /// Prior learning recognised, by workshop: it counts as knowing the workshop (`readyFor`), never as hours.
    public let recognised: [RecognisedLearning]
    /// Workshops whose prerequisites the person now meets and that they have neither attended nor taught.
    public let readyFor: [WorkshopEntry]

    public var hoursAttended: Double { attended.reduce(0) { $0 + $1.hours } }
    public var hoursTaught: Double { taught.reduce(0) { $0 + $1.hours } }

    /// Builds the history of `person` (a name or id prefix; a merged person's old id leads to the kept one).
    ///
    /// - Parameter now: seconds since 1970; a session is taught only once it has ended.
    public static func load(_ store: FormationStore, person: String,
                            now: Int64 = Counting.now()) throws -> LearningHistory {
        let id = try store.resolve(.person, person)
        guard let entry = try store.person(id) else { throw LookupError.notFound(kind: .person, query: person) }
        return try store.reading { tx in
            let rows = try tx.participations(ofPerson: id)
            let attendedRows = rows.filter { Counting.attended(role: $0.role, status: $0.status, session: $0.session) }
            let taughtRows = rows.filter { Counting.taught(role: $0.role, status: $0.status, session: $0.session, now: now) }
            let tallies = try tx.tallies(ofSessions: Set((attendedRows + taughtRows).map(\.session.id)))

            var workshops: [WorkshopRef: Workshop] = [:]
            for ref in Set(rows.map(\.session.workshop)) {
                if let curriculum = ref.curriculum, let workshop = try tx.curricula.storedWorkshop(curriculum, ref.workshop) {
                    workshops[ref] = workshop
                }
            }
            var clocks: [String: LocalClock] = [:]
            func clock(_ zone: String) throws -> LocalClock {
                if let clock = clocks[zone] { return clock }
                let clock = try LocalClock(timeZone: zone)
                clocks[zone] = clock
                return clock
            }
            func historySession(_ row: PersonSessionRow) throws -> HistorySession {
                let here = tallies[row.session.id] ?? SessionTally()
                return HistorySession(
                    session: row.session, workshop: row.session.workshop,
                    title: workshops[row.session.workshop]?.title ?? LocalizedText([.init(language: "en", text: row.session.workshop.description)]),
                    category: workshops[row.session.workshop]?.category, battle: row.battle,
                    clock: try clock(row.battle.battle.timeZone), hours: Counting.hours(row.session),
                    facilitators: here.facilitators, participants: here.participants, attended: here.attended)
            }

            let learned = Set(attendedRows.map(\.session.workshop))
            var competencies: [GainedCompetency] = []
            for ref in learned.sorted() {
                for text in workshops[ref]?.competencies ?? [] { competencies.append(GainedCompetency(workshop: ref, text: text)) }
            }
            let qualifications = try tx.qualifications(ofEach: [id])
            let vouchers = try tx.names(Set(qualifications.compactMap(\.by)))
            var recognised: [RecognisedLearning] = []
            for qualification in qualifications {
                let title = try qualification.workshop.curriculum.flatMap { try tx.curricula.storedWorkshop($0, qualification.workshop.workshop)?.title }
                recognised.append(RecognisedLearning(
                    workshop: qualification.workshop, title: title ?? LocalizedText([.init(language: "en", text: qualification.workshop.description)]),
                    recorded: day(qualification.recorded), by: qualification.by.map { PersonName.named($0, vouchers[$0] ?? $0.short) },
                    note: qualification.note))
            }
            let known = learned.union(taughtRows.map(\.session.workshop)).union(qualifications.map(\.workshop))
            let ready = try Readiness.readyFor(known: known, graph: tx.curricula.prerequisiteGraph()).compactMap { try tx.workshopEntry($0) }
                .filter { !$0.retired }  // no new sessions of a retired workshop: nothing to be ready for
            return LearningHistory(person: entry, attended: try attendedRows.map(historySession), taught: try taughtRows.map(historySession),
                                   competencies: competencies, recognised: recognised, readyFor: ready)
        }
    }
}
