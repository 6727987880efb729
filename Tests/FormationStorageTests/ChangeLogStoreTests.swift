import Foundation
import Testing
import FormationDomain
@testable import FormationStorage
import GRDB

/// Issue 18: the change log as the storage layer keeps it.
@Suite struct ChangeLogStoreTests {
    func plant(_ name: String) throws -> Plant {
        try Plant(id: EntityID(UUID().uuidString.lowercased()), name: name, state: "Sucre")
    }

    @Test func everyWriteIsOneEntryWithItsDescription() throws {
        var store = try FormationStore.inMemory()
        store.change = ChangeDescription(command: "formation plant add 'La Gaviota' --state Sucre", user: "maria")
        try store.add(plant("La Gaviota"))
        let entries = try store.changeEntries()
        #expect(entries.count == 1)
        #expect(entries[0].user == "maria")
        #expect(entries[0].command == "formation plant add 'La Gaviota' --state Sucre")
        #expect(entries[0].counts == [ChangeCount(kind: .insert, table: "plant", count: 1)])
        #expect(entries[0].rows?.first?.values["name"] == "La Gaviota")
        #expect(entries[0].time.hasSuffix("Z"))
        // The log table itself is not in any changeset.
        #expect(entries[0].rows?.allSatisfy { $0.table != "changeLog" } == true)
    }

    @Test func aChangesetOverTheLimitIsNotKeptAndCannotBeUndone() throws {
        var store = try FormationStore.inMemory()
        store.largestUndoable = 10
        try store.add(plant("La Gaviota"))
        let entry = try #require(try store.changeEntries().first)
        #expect(entry.notUndoable?.contains("over the") == true, "\(entry.notUndoable ?? "")")
        #expect(entry.rows == nil)
        #expect(entry.counts == [ChangeCount(kind: .insert, table: "plant", count: 1)], "still counted")
        #expect(throws: UndoRefused.notUndoable(number: 1, reason: entry.notUndoable!)) { try store.undo(nil) }
        #expect(try store.damagedChangeEntries().isEmpty, "not kept is not damaged")
    }

    @Test func undoRestoresAndIsLogged() throws {
        let store = try FormationStore.inMemory()
        try store.add(plant("La Gaviota"))
        try store.add(plant("Amuay"))
        let undone = try store.undo(nil)
        #expect(undone.number == 2)
        #expect(try store.plants().map(\.name) == ["La Gaviota"])
        let entries = try store.changeEntries()
        #expect(entries.map(\.number) == [3, 2, 1])
        #expect(entries[0].undoOf == 2)
        #expect(entries[1].undoneBy == 3)
        #expect(throws: UndoRefused.alreadyUndone(number: 2, by: 3)) { try store.undo("2") }
    }
}
