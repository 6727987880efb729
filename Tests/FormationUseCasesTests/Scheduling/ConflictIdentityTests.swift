import FormationDomain
import FormationStorage
import Foundation
import Testing
@testable import FormationUseCases

/// Conflicts name people by id: two people with the same name are two people, and a forced
/// conflict is recognised the same way by `attend`, `battle check` and `battle report`.
@Suite struct ConflictIdentityTests {
    static let packs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Curricula")
    /// 2026-12-01 00:00 UTC: the first day of the battle.
    static let day0: Int64 = 1_796_083_200
    static let hour: Int64 = 3600
    /// A fixed present, after the battle: nothing here depends on the day the tests run.
    static let now = day0 + 30 * 24 * hour

    struct Scenario {
        let store: FormationStore
        let battle: EntityID
        let facilitator: EntityID
        /// Two people both called "Ana Rivas".
        let ana1: EntityID, ana2: EntityID
        var scheduling: Scheduling { Scheduling(store: store) }
    }

    func scenario() throws -> Scenario {
        let store = try FormationStore.inMemory()
        let packs = ["freehand-drawing", "plant-maintenance", "organising-production"].map { Self.packs.appendingPathComponent("\($0).xml").path }
        _ = try Importer(store: store).run(paths: packs, validateOnly: false, replace: false)
        let programme = Programme(store: store)
        _ = try programme.addPlant(name: "La Gaviota", state: "Sucre", sector: nil, ownership: .state)
        let facilitator = try programme.addPerson(name: "María Pérez", plant: nil, retired: false, sector: nil)
        let ana1 = try programme.addPerson(name: "Ana Rivas", plant: nil, retired: false, sector: nil)
        let ana2 = try programme.addPerson(name: "Ana Rivas", plant: nil, retired: false, sector: nil, force: true)
        let battle = try programme.addBattle(name: "Batalla", plant: "La Gaviota", start: "2026-12-01", end: "2026-12-05", timeZone: "UTC")
        return Scenario(store: store, battle: battle, facilitator: facilitator, ana1: ana1, ana2: ana2)
    }

    /// A session of `workshop` on the first day, 09:00–11:00, facilitated by the scenario's facilitator.
    func session(_ s: Scenario, _ workshop: String) throws -> EntityID {
        try s.scheduling.addSession(battle: s.battle.rawValue, workshop: workshop, start: "2026-12-01 09:00", end: "2026-12-01 11:00",
                                    place: "Taller", facilitators: [s.facilitator.rawValue], force: true).ids[0]
    }

    @Test func samenamePeopleAnswerOnlyForTheirOwnConflicts() throws {
        let s = try scenario()
        let session = try session(s, "freehand-drawing/proportion-by-eye")
        _ = try s.scheduling.attend(session: session.rawValue, entries: [AttendanceEntry(person: s.ana1.rawValue, status: nil)],
                                    role: nil, force: false)
        // The first Ana is put on a shift at that time behind the rules' back: a conflict nobody forced.
        try s.store.inScheduleTransaction { tx in
            try tx.insert(Shift(stored: .random(), battle: s.battle, person: s.ana1, start: Self.day0 + 8 * Self.hour, end: Self.day0 + 10 * Self.hour))
        }
        // The second Ana joins: the first one's shift is not hers to answer for.
        let outcome = try s.scheduling.attend(session: session.rawValue, entries: [AttendanceEntry(person: s.ana2.rawValue, status: nil)],
                                              role: nil, force: false)
        #expect(outcome.schedule.recorded.isEmpty)
        // Each Ana has her own conflicts, named by id and both rendered "Ana Rivas".
        let found = try s.scheduling.check(battle: s.battle.rawValue)
        let conflicts = found.flatMap(\.conflicts)
        #expect(conflicts.contains { $0.kind == .onShift && $0.person == s.ana1 })
        #expect(!conflicts.contains { $0.kind == .onShift && $0.person == s.ana2 })
        let shift = try #require(conflicts.first { $0.kind == .onShift })
        #expect(shift.message(found[0].names).text(.en) == "Ana Rivas is on a repair shift from 2026-12-01 08:00 to 2026-12-01 10:00")

        // The first Ana joining again (as attended) answers for her shift: refused without force.
        #expect(throws: ScheduleRefused.self) {
            try s.scheduling.attend(session: session.rawValue, entries: [AttendanceEntry(person: s.ana1.rawValue, status: .attended)],
                                    role: nil, force: false)
        }
    }

    @Test func checkAndReportAgreeOnWhichConflictsWereForced() throws {
        let s = try scenario()
        // Orthographic views needs proportion by eye, which nobody here has learned.
        let session = try session(s, "freehand-drawing/orthographic-views")
        let forced = try s.scheduling.attend(session: session.rawValue, entries: [AttendanceEntry(person: s.ana1.rawValue, status: nil)],
                                             role: nil, force: true)
        #expect(forced.schedule.recorded.map(\.kind) == [.missingPrerequisite])
        // Another participant with the same kind of conflict, added behind the rules' back: not forced.
        let beto = try Programme(store: s.store).addPerson(name: "Beto", plant: nil, retired: false, sector: nil)
        try s.store.inScheduleTransaction { tx in
            try tx.upsert(Participation(session: session, person: beto, role: .participant, status: .registered))
        }
        let check = try s.scheduling.checkReport(battle: s.battle.rawValue)
        let report = try BattleReport.load(s.store, battle: s.battle.rawValue, now: Self.now)
        #expect(check == report.conflicts)
        let prerequisites = check.flatMap(\.conflicts).filter { $0.conflict.kind == .missingPrerequisite }
        #expect(prerequisites.map(\.conflict.person) == [s.ana1, beto].sorted())
        #expect(prerequisites.map(\.forced) == prerequisites.map { $0.conflict.person == s.ana1 })
        // The facilitator forced in as inexperienced stays forced in both.
        #expect(check.flatMap(\.conflicts).contains { $0.conflict.kind == .inexperiencedFacilitator && $0.forced })
    }
    /// A forced conflict is the person's, by id: renaming them (`person edit`) keeps it forced, and
    /// taking them off the session forgets it.
    @Test func aRenamedPersonKeepsTheirForcedConflictsAndLeavingForgetsThem() throws {
        let s = try scenario()
        let session = try session(s, "freehand-drawing/orthographic-views")
        _ = try s.scheduling.attend(session: session.rawValue, entries: [AttendanceEntry(person: s.ana1.rawValue, status: nil)],
                                    role: nil, force: true)
        _ = try Programme(store: s.store).editPerson(s.ana1.rawValue, PersonChanges(name: "Ana Isabel Rivas"), force: false)
        let check = try s.scheduling.checkReport(battle: s.battle.rawValue)
        let mine = check.flatMap(\.conflicts).filter { $0.conflict.person == s.ana1 }
        #expect(!mine.isEmpty && mine.allSatisfy(\.forced))
        #expect(mine.first.map { $0.conflict.message(check[0].names).text(.en).hasPrefix("Ana Isabel Rivas") } == true)

        try s.store.inScheduleTransaction { tx in try tx.delete(session: session, person: s.ana1) }
        #expect(try s.store.inScheduleTransaction { tx in try tx.recordedConflicts(ofSession: session) }.allSatisfy { $0.person != s.ana1 })
    }
}
