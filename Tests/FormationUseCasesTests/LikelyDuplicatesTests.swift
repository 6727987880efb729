import FormationDomain
import FormationStorage
import Foundation
import Testing
@testable import FormationUseCases

/// People probably entered twice are paired by folded name and plant, keeping the one in more
/// sessions, else the first registered; `check` lists them as notices, never as faults.
@Suite struct LikelyDuplicatesTests {
    func id(_ n: Int) -> EntityID { EntityID(trusted: String(format: "00000000-0000-4000-8000-%012d", n)) }

    @Test func pairsByFoldedNameAndPlant() {
        let plant = id(100), other = id(101)
        let people: [(id: EntityID, name: String, plant: EntityID?)] = [
            (id(1), "José Rondón", plant), (id(2), "JOSE RONDON", plant), (id(3), "José Rondón", other),
            (id(4), "José Rondón", nil), (id(5), "Jose\u{301} Rondo\u{301}n", plant), (id(6), "José Rondón Pérez", plant),
        ]
        let pairs = LikelyDuplicates.pairs(people) { _ in 0 }
        #expect(pairs.map { [$0.keep.id, $0.drop.id] } == [[id(1), id(2)], [id(1), id(5)]])
        // The one in more sessions is kept, whatever the order they were registered in.
        let busier = LikelyDuplicates.pairs(people) { $0 == id(5) ? 3 : 0 }
        #expect(Set(busier.map { $0.keep.id }) == [id(5)])
        #expect(Set(busier.map { $0.drop.id }) == [id(1), id(2)])
    }

    @Test func checkListsThemAsNotices() throws {
        let store = try FormationStore.inMemory()
        let programme = Programme(store: store)
        _ = try programme.addPlant(name: "La Gaviota", state: "Sucre", sector: nil, ownership: .state)
        let first = try programme.addPerson(name: "María Pérez", plant: "La Gaviota", retired: false, sector: nil)
        let second = try programme.addPerson(name: "Maria Perez", plant: "La Gaviota", retired: false, sector: nil)
        let problems = try Maintenance(store: store).check()
        #expect(problems.map(\.kind) == [.likelyDuplicate])
        #expect(problems.allSatisfy { $0.kind.isNotice })
        #expect(problems.first?.id == second.rawValue && problems.first?.detail == first.rawValue)
        #expect(problems.first?.message.text(.es).contains("formation person merge \(first.short) \(second.short)") == true)
    }
}
