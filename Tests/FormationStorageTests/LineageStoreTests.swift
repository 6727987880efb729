import Foundation
import Testing
import FormationDomain
@testable import FormationStorage
import GRDB

/// The teaching lineage's query (issue 10): one row per session, read through the session index and
/// the participation primary key, never a scan, never a sort of the workshop's participations.
@Suite struct LineageStoreTests {
    let store = try! FormationStore.inMemory()
    static func id(_ n: Int) -> EntityID { EntityID(trusted: "00000000-0000-4000-8000-" + String(format: "%012d", n)) }

    @Test func theTeachingQueryUsesTheWorkshopIndexAndThePrimaryKeyWithoutSorting() throws {
        let steps = try store.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + LineageSQL.teachingSessions, arguments: [0, "x", "y"])
                .map { $0["detail"] as String }
        }
        #expect(steps.contains { $0.hasPrefix("SEARCH session USING INDEX session_workshop (curriculumId=? AND workshopId=?)") }, "\(steps)")
        #expect(steps.contains { $0.hasPrefix("SEARCH participation USING PRIMARY KEY (sessionId=?)") }, "\(steps)")
        #expect(!steps.contains { $0.hasPrefix("SCAN ") || $0.contains("TEMP B-TREE") }, "\(steps)")
    }

    @Test func eachSessionComesOnceWithItsCountingTeachersAndItsAttendance() throws {
        let plant = try Plant(id: Self.id(1), name: "La Gaviota", state: "Sucre")
        try store.add(plant)
        let people = try (10...16).map { try Person(id: Self.id($0), name: "P\($0)", plant: plant.id) }
        for person in people { try store.add(person) }
        let battle = try Battle(id: Self.id(2), name: "B", plant: plant.id, start: CivilDate(iso: "2025-03-10"),
                                end: CivilDate(iso: "2025-03-14"), timeZone: "UTC")
        try store.add(battle)
        let ref = try WorkshopRef(parsing: "drawing/eye")
        func session(_ n: Int, _ start: Int64, cancelled: Bool = false) throws -> Session {
            try Session(id: Self.id(n), battle: battle.id, workshop: ref, start: start, end: start + 7_200, place: "Taller", cancelled: cancelled)
        }
        let first = try session(20, 1_741_600_800), second = try session(21, 1_741_690_800), dropped = try session(22, 1_741_700_000, cancelled: true)
        let other = try Session(id: Self.id(23), battle: battle.id, workshop: WorkshopRef(parsing: "drawing/dims"),
                                start: 1_741_600_800, end: 1_741_608_000, place: "Galpón")
        try store.inScheduleTransaction { tx in
            for s in [first, second, dropped, other] { try tx.insert(s) }
            func add(_ s: Session, _ p: Int, _ role: Role, _ status: AttendanceStatus) throws {
                try tx.upsert(Participation(session: s.id, person: Self.id(p), role: role, status: status))
            }
            try add(first, 10, .facilitator, .registered)
            try add(first, 11, .facilitator, .absent)
            try add(first, 12, .participant, .attended)
            try add(first, 13, .participant, .attended)
            try add(first, 14, .participant, .absent)
            try add(first, 15, .participant, .registered)
            try add(second, 12, .facilitator, .attended)
            try add(second, 16, .participant, .attended)
            try add(dropped, 10, .facilitator, .attended)
            try add(dropped, 13, .participant, .attended)
            try add(other, 10, .facilitator, .attended)
            try add(other, 16, .participant, .attended)
        }
        // `now` between the two sessions' ends: the second has not been taught yet.
        let rows = try store.reading { try $0.teachingSessions(ofWorkshop: ref, now: 1_741_690_800) }
        #expect(rows.map(\.session) == [first.id, second.id])
        #expect(rows[0].teachers == [Self.id(10)])
        #expect(Set(rows[0].attended) == [IDKey(Self.id(12)), IDKey(Self.id(13))])
        #expect(rows[1].teachers.isEmpty)
        #expect(rows[1].attended == [IDKey(Self.id(16))])
        #expect(IDKey(Self.id(16)) != IDKey(Self.id(17)))
        #expect(IDKey(EntityID(trusted: "short")) == IDKey(EntityID(trusted: "short")))
        #expect(IDKey(EntityID(trusted: "short")) != IDKey(EntityID(trusted: "other")))
        let battles = try store.reading { try $0.lineageBattles([battle.id]) }
        #expect(battles[battle.id]?.battle == battle && battles[battle.id]?.plantState == "Sucre")
        let names = try store.reading { try $0.personNames([Self.id(10), Self.id(16)]) }
        #expect(names == [Self.id(10): "P10", Self.id(16): "P16"])
    }
}
