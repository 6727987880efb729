import Foundation
import Testing
import FormationDomain
@testable import FormationStorage
import GRDB

/// An enum column holding a value this version does not know is damaged data, said as such, never
/// read as a default (a facilitator read as a participant would change histories and conflicts).
@Suite struct UnknownStoredValueTests {
    @Test func anUnknownRoleIsDamagedDataNotAParticipant() throws {
        let store = try FormationStore.inMemory()
        let plant = try Plant(id: EntityID("11111111-0000-4000-8000-000000000000"), name: "La Gaviota", state: "Sucre")
        try store.add(plant)
        try store.add(Person(id: EntityID("22222222-0000-4000-8000-000000000000"), name: "Ana", plant: plant.id))
        let battle = try Battle(id: EntityID("33333333-0000-4000-8000-000000000000"), name: "B", plant: plant.id,
                                start: CivilDate(iso: "2026-12-01"), end: CivilDate(iso: "2026-12-05"), timeZone: "UTC")
        try store.add(battle)
        let session = try Session(stored: EntityID("44444444-0000-4000-8000-000000000000"), battle: battle.id,
                              workshop: try WorkshopRef(parsing: "drawing/lines"), start: 1_796_115_600, end: 1_796_122_800,
                              place: "Taller", cancelled: false)
        try store.inScheduleTransaction { tx in
            try tx.insert(session)
            try tx.upsert(Participation(session: session.id, person: EntityID("22222222-0000-4000-8000-000000000000"),
                                        role: .facilitator, status: .registered))
        }
        // Past the CHECK constraint, as a hand edit of the file would be.
        try store.write { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE participation SET role = 'teacher'")
        }
        #expect(throws: StorageError.damaged(path: store.path, detail: "participation.role holds 'teacher'")) {
            try store.reading { tx in try tx.participations(of: session.id) }
        }
    }
}
