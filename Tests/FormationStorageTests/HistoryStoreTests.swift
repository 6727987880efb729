import Foundation
import Testing
import FormationDomain
@testable import FormationStorage
import GRDB

/// Which index each history query uses: on a national database (2M participations) a full scan
/// of `participation` or `session` would make a history take seconds instead of milliseconds.
@Suite struct HistoryQueriesPlanTests {
    let store = try! FormationStore.inMemory()

    func plan(_ sql: String, _ arguments: Int) throws -> [String] {
        try store.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql,
                             arguments: StatementArguments(Array(repeating: "x", count: arguments))).map { $0["detail"] as String }
        }
    }

    func expectNoScan(_ steps: [String], _ query: String) {
        #expect(!steps.contains { $0.hasPrefix("SCAN ") }, "\(query) scans: \(steps)")
    }

    @Test func aPersonsHistoryReadsOnlyTheirRowsFromACoveringIndex() throws {
        let steps = try plan(HistorySQL.personParticipations, 1)
        #expect(steps.first == "SEARCH participation USING COVERING INDEX participation_person (personId=?)", "\(steps)")
        expectNoScan(steps, "history")
    }

    @Test func theOtherPeopleOfASessionComeFromThePrimaryKey() throws {
        let steps = try plan(HistorySQL.sessionPeople(3), 3)
        #expect(steps.contains { $0.hasPrefix("SEARCH participation USING PRIMARY KEY (sessionId=?)") }, "\(steps)")
        expectNoScan(steps, "session people")
    }

    @Test func battlesAndWorkshopsUseTheirSessionIndexes() throws {
        for (sql, index) in [(BattleCheckSQL.battleSessions, "session_battle"), (BattleCheckSQL.battleParticipations, "session_battle")] {
            let steps = try plan(sql, 1)
            #expect(steps.contains { $0.contains(index) }, "\(steps)")
            expectNoScan(steps, sql)
        }
        for sql in [HistorySQL.workshopSessions, HistorySQL.workshopParticipations] {
            let steps = try plan(sql, 2)
            #expect(steps.contains { $0.contains("session_workshop") }, "\(steps)")
            expectNoScan(steps, sql)
        }
    }

    @Test func aMergeTouchesOnlyThePeopleMerged() throws {
        let cases = [
            ("UPDATE participation SET personId = ? WHERE personId = ?", "participation_person"),
            ("UPDATE shift SET personId = ? WHERE personId = ?", "shift_person"),
            ("UPDATE personAlias SET keptId = ? WHERE keptId = ?", "personAlias_kept"),
        ]
        for (sql, index) in cases {
            let steps = try plan(sql, 2)
            #expect(steps.contains { $0.contains(index) }, "\(sql): \(steps)")
            expectNoScan(steps, sql)
        }
    }
}

@Suite struct HistoryStoreTests {
    let store = try! FormationStore.inMemory()
    static func id(_ n: Int) -> EntityID { EntityID(trusted: "00000000-0000-4000-8000-" + String(format: "%012d", n)) }

    func seed() throws -> (session: EntityID, ana: EntityID, beto: EntityID) {
        let plant = try Plant(id: Self.id(1), name: "La Gaviota", state: "Sucre")
        try store.add(plant)
        let ana = try Person(id: Self.id(2), name: "Ana", plant: plant.id), beto = try Person(id: Self.id(3), name: "Beto")
        try store.add(ana)
        try store.add(beto)
        let battle = try Battle(id: Self.id(4), name: "B", plant: plant.id, start: CivilDate(iso: "2025-03-10"),
                                end: CivilDate(iso: "2025-03-14"), timeZone: "UTC")
        try store.add(battle)
        let session = try Session(id: Self.id(5), battle: battle.id, workshop: WorkshopRef(parsing: "drawing/eye"),
                                  start: 1_741_600_800, end: 1_741_608_000, place: "Taller")
        try store.inScheduleTransaction { tx in
            try tx.insert(session)
            try tx.upsert(Participation(session: session.id, person: ana.id, role: .facilitator, status: .registered))
            try tx.upsert(Participation(session: session.id, person: beto.id, role: .participant, status: .attended))
        }
        return (session.id, ana.id, beto.id)
    }

    @Test func aPersonsParticipationsComeWithSessionBattleAndPlant() throws {
        let (session, ana, beto) = try seed()
        let rows = try store.reading { try $0.participations(ofPerson: beto) }
        #expect(rows.count == 1)
        #expect(rows[0].session.id == session && rows[0].role == .participant && rows[0].status == .attended)
        #expect(rows[0].battle.plantName == "La Gaviota" && rows[0].battle.plantState == "Sucre")
        let people = try store.reading { try $0.people(inSessions: [session]) }
        #expect(people[session]?.map(\.participation.person) == [ana, beto])
        #expect(people[session]?.first?.plantState == "Sucre")
        #expect(people[session]?.last?.plantID == nil)
    }

    @Test func anAliasOfTheDroppedPersonIsRepointedToTheKeptOne() throws {
        let (_, ana, beto) = try seed()
        let old = Self.id(7)
        try store.inScheduleTransaction { tx in
            try tx.db.execute(sql: "INSERT INTO personAlias (droppedId, keptId) VALUES (?, ?)", arguments: [old.rawValue, beto.rawValue])
            try tx.alias(beto, to: ana)
        }
        #expect(try store.resolve(.person, old.rawValue) == ana)
        #expect(try store.resolve(.person, beto.rawValue) == ana)
    }
}
