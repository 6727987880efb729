import FormationDomain
import FormationStorage
import Foundation
import Testing
@testable import FormationUseCases

/// The battle most scheduling tests start from, on an in-memory store: the shipped curricula, the
/// plant La Gaviota with five people, and a five-day battle in Caracas time. The CLI tests build the
/// same battle through the binary (`BattleCommandTests.battle()`); here it is built through the use
/// cases, so that a rule test pays for no process and no file.
struct BattleFixture {
    static let battle = "Batalla de La Gaviota"
    static let people = ["Ana Rivas", "Beto Salazar", "Carla Mendoza", "Darío Pérez", "Elena Bravo"]
    /// The shipped packs in Curricula/.
    static let packs = ["plant-maintenance", "organising-production", "freehand-drawing"].map {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Curricula").appendingPathComponent("\($0).xml").path
    }

    let store: FormationStore
    var scheduling: Scheduling { Scheduling(store: store) }
    var programme: Programme { Programme(store: store) }

    /// The shipped curricula and nothing else.
    init(empty: Void) throws {
        store = try FormationStore.inMemory()
        _ = try Importer(store: store).run(paths: Self.packs, validateOnly: false, replace: false)
    }

    /// The curricula, La Gaviota, its five people and the battle.
    init() throws {
        try self.init(empty: ())
        _ = try programme.addPlant(name: "La Gaviota", state: "Sucre", sector: nil, ownership: .state)
        for name in Self.people { _ = try programme.addPerson(name: name, plant: "La Gaviota", retired: false, sector: nil) }
        _ = try programme.addBattle(name: Self.battle, plant: "La Gaviota", start: "2026-12-01", end: "2026-12-05", timeZone: "America/Caracas")
    }

    /// `session add` in the battle with one facilitator; forced unless told otherwise.
    @discardableResult
    func addSession(_ workshop: String, _ start: String, _ end: String, place: String, facilitator: String,
                    force: Bool = true) throws -> ScheduleOutcome {
        try scheduling.addSession(battle: Self.battle, workshop: workshop, start: start, end: end, place: place,
                                  facilitators: [facilitator], force: force)
    }

    /// `shift add` in the battle.
    @discardableResult
    func addShift(_ people: [String], _ start: String, _ end: String, force: Bool = false) throws -> ScheduleOutcome {
        try scheduling.addShift(battle: Self.battle, people: people, start: start, end: end, force: force)
    }

    /// `attend SESSION PERSON…`: registered, as the command does without `--status`.
    @discardableResult
    func attend(_ session: EntityID, _ people: [EntityID], force: Bool = false) throws -> AttendanceOutcome {
        try scheduling.attend(session: session.rawValue, entries: people.map { AttendanceEntry(person: $0.rawValue, status: nil) },
                              role: nil, force: force)
    }

    /// The conflicts of the battle as `battle check` marks them, each with its English message.
    func checked(_ battle: String = Self.battle) throws -> [(kind: ScheduleConflict.Kind, person: EntityID?, forced: Bool, text: String)] {
        try scheduling.checkReport(battle: battle).flatMap { session in
            session.conflicts.map { ($0.conflict.kind, $0.conflict.person, $0.forced, $0.conflict.message(session.names).text(.en)) }
        }
    }
}

/// What `formation` prints for a change's forced conflicts (after its notes): one English line each.
func recordedLines(_ outcome: ScheduleOutcome) -> [String] {
    outcome.recorded.map { Message(.conflictForced, arguments: [.message($0.message(outcome.names))]).text(.en) }
}

/// Why `change` was refused, in the English lines `formation` prints after `formation: error: `
/// (one per conflict of a refused schedule). Records an issue when it was not refused.
func refusal<T>(_ change: () throws -> T, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    do {
        _ = try change()
        Issue.record("the change was not refused", sourceLocation: sourceLocation)
        return []
    } catch let refused as ScheduleRefused {
        return refused.conflicts.map {
            Message($0.isHard ? .conflictHard : .conflictSoft, arguments: [.message($0.message(refused.names))]).text(.en)
        }
    } catch let failure as any LocalizedFailure {
        return [failure.message.text(.en)]
    } catch {
        Issue.record("refused without a message: \(error)", sourceLocation: sourceLocation)
        return []
    }
}
