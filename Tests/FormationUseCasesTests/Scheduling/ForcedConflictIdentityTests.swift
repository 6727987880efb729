import FormationDomain
import FormationStorage
import Foundation
import Testing
@testable import FormationUseCases

/// A forced conflict is known by the person it is about, not by how their name read when it was
/// forced: two people with one name each answer for their own, a renamed person keeps theirs, and
/// a merge keeps those of the one merged away.
@Suite struct ForcedConflictIdentityTests {
    struct Battle {
        let fixture: BattleFixture
        let session: EntityID
        /// Two people named "Ana Rivas", at different plants.
        let anas: [EntityID]
        var scheduling: Scheduling { fixture.scheduling }

        /// The `onShift` conflicts `battle check` shows.
        func onShift() throws -> [(kind: ScheduleConflict.Kind, person: EntityID?, forced: Bool, text: String)] {
            try fixture.checked("B").filter { $0.kind == .onShift }
        }

        func recordedOnShift() throws -> [RecordedConflict] {
            try fixture.store.inScheduleTransaction { tx in try tx.recordedConflicts(ofSession: session) }.filter { $0.kind == "onShift" }
        }
    }

    /// Both Anas, Beto, a battle "B" and a session taught by Beto; both Anas are on a repair shift during it.
    func battle() throws -> Battle {
        let f = try BattleFixture(empty: ())
        _ = try f.programme.addPlant(name: "La Gaviota", state: "Sucre", sector: nil, ownership: .state)
        _ = try f.programme.addPlant(name: "Amuay", state: "Falcón", sector: nil, ownership: .state)
        let anas = [try f.programme.addPerson(name: "Ana Rivas", plant: "La Gaviota", retired: false, sector: nil),
                    try f.programme.addPerson(name: "Ana Rivas", plant: "Amuay", retired: false, sector: nil, force: true)]
        _ = try f.programme.addPerson(name: "Beto Salazar", plant: nil, retired: false, sector: nil)
        _ = try f.programme.addBattle(name: "B", plant: "La Gaviota", start: "2026-12-01", end: "2026-12-05", timeZone: "America/Caracas")
        let session = try f.scheduling.addSession(battle: "B", workshop: "proportion-by-eye", start: "2026-12-02 09:00", end: "2026-12-02 11:00",
                                                  place: "Taller", facilitators: ["Beto Salazar"], force: true).ids[0]
        for ana in anas {
            _ = try f.scheduling.addShift(battle: "B", people: [ana.short], start: "2026-12-02 06:00", end: "2026-12-02 10:00")
        }
        return Battle(fixture: f, session: session, anas: anas)
    }

    @Test func twoPeopleWithOneNameEachAnswerForTheirOwnConflict() throws {
        let b = try battle()
        try b.fixture.attend(b.session, [b.anas[0]], force: true)
        // The second Ana's conflict reads the same words, but it is hers: it needs its own force.
        let second = refusal { try b.fixture.attend(b.session, [b.anas[1]]) }
        #expect(second.contains { $0.contains("Ana Rivas") }, "\(second)")
        try b.fixture.attend(b.session, [b.anas[1]], force: true)
        let conflicts = try b.onShift()
        #expect(conflicts.count == 2)
        #expect(Set(conflicts.compactMap(\.person)) == Set(b.anas))
        #expect(conflicts.allSatisfy { $0.forced })
        #expect(try b.recordedOnShift().count == 2)
    }

    @Test func aRenamedPersonKeepsTheConflictsForcedForThem() throws {
        let b = try battle()
        try b.fixture.attend(b.session, [b.anas[0]], force: true)
        _ = try b.fixture.programme.editPerson(b.anas[0].rawValue, PersonChanges(name: "Ana Isabel Rivas"), force: false)
        let conflicts = try b.onShift()
        #expect(conflicts.count == 1)
        #expect(conflicts.first?.forced == true)
        #expect(conflicts.first?.text.hasPrefix("Ana Isabel Rivas is on a repair shift") == true, "\(conflicts)")
        let spanish = try b.scheduling.checkReport(battle: "B").flatMap { s in s.conflicts.map { $0.conflict.message(s.names).text(.es) } }
        #expect(spanish.contains { $0.contains("Ana Isabel Rivas") }, "\(spanish)")
    }

    @Test func aMergeKeepsTheConflictsForcedForTheOneMergedAway() throws {
        let b = try battle()
        try b.fixture.attend(b.session, [b.anas[1]], force: true)
        _ = try PersonMerge(store: b.fixture.store).run(keep: b.anas[0].rawValue, drop: b.anas[1].rawValue)
        // The kept Ana now has both shifts (entered once for each record of her): two conflicts, both forced.
        let conflicts = try b.onShift()
        #expect(conflicts.count == 2)
        #expect(conflicts.allSatisfy { $0.forced })
        #expect(try b.recordedOnShift().map(\.person) == [b.anas[0]])
    }
}
