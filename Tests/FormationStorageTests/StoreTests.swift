import Foundation
import Testing
import FormationDomain
@testable import FormationStorage
import GRDB

@Suite struct ProgrammeStoreTests {
    let store = try! FormationStore.inMemory()

    func plant(_ name: String, id: String) throws -> Plant {
        try Plant(id: EntityID(id), name: name, state: "Sucre")
    }

    @Test func addsAndListsPlantsPeopleAndBattles() throws {
        let gaviota = try plant("La Gaviota", id: "11111111-0000-4000-8000-000000000000")
        try store.add(gaviota)
        try store.add(Person(id: EntityID("22222222-0000-4000-8000-000000000000"), name: "Ana", plant: gaviota.id, retired: true))
        try store.add(Battle(id: EntityID("33333333-0000-4000-8000-000000000000"), name: "Batalla 1", plant: gaviota.id,
                             start: CivilDate(iso: "2026-12-01"), end: CivilDate(iso: "2026-12-05"), timeZone: "America/Caracas"))
        #expect(try store.plants() == [gaviota])
        let people = try store.people()
        #expect(people.map(\.person.name) == ["Ana"])
        #expect(people[0].plantName == "La Gaviota")
        #expect(people[0].person.retired)
        let battles = try store.battles()
        #expect(battles.map(\.battle.name) == ["Batalla 1"])
        #expect(battles[0].plantState == "Sucre")
    }

    @Test func duplicatePlantNamesAreRefused() throws {
        try store.add(plant("La Gaviota", id: "11111111-0000-4000-8000-000000000000"))
        #expect(throws: LookupError.duplicateName(kind: .plant, name: "La Gaviota", existing: "11111111")) {
            try store.add(plant("La Gaviota", id: "44444444-0000-4000-8000-000000000000"))
        }
    }

    @Test func resolvesExactNamesAndIDPrefixes() throws {
        try store.add(plant("La Gaviota", id: "abcd1111-0000-4000-8000-000000000000"))
        try store.add(plant("Amuay", id: "abcd2222-0000-4000-8000-000000000000"))
        #expect(try store.resolve(.plant, "La Gaviota").rawValue.hasPrefix("abcd1"))
        #expect(try store.resolve(.plant, "la gaviota").rawValue.hasPrefix("abcd1"))
        #expect(try store.resolve(.plant, "ABCD2").rawValue.hasPrefix("abcd2"))
        #expect(throws: LookupError.ambiguous(kind: .plant, query: "abcd", candidates: ["La Gaviota (abcd1111)", "Amuay (abcd2222)"])) {
            try store.resolve(.plant, "abcd")
        }
        // Fewer than 4 characters are not an id prefix.
        #expect(throws: LookupError.notFound(kind: .plant, query: "abc")) { try store.resolve(.plant, "abc") }
        #expect(throws: LookupError.notFound(kind: .plant, query: "Gaviota", suggestions: ["La Gaviota"])) { try store.resolve(.plant, "Gaviota") }
        #expect(throws: LookupError.notFound(kind: .plant, query: "Cumaná")) { try store.resolve(.plant, "Cumaná") }
    }

    @Test func sameNamedPeopleAreAmbiguousByNameButReachableByID() throws {
        try store.add(Person(id: EntityID("aaaa0000-0000-4000-8000-000000000000"), name: "José Rondón"))
        try store.add(Person(id: EntityID("bbbb0000-0000-4000-8000-000000000000"), name: "José Rondón"))
        #expect(throws: LookupError.ambiguous(kind: .person, query: "José Rondón", candidates: ["José Rondón (aaaa0000)", "José Rondón (bbbb0000)"])) {
            try store.resolve(.person, "José Rondón")
        }
        #expect(try store.resolve(.person, "bbbb").rawValue.hasPrefix("bbbb"))
    }

    @Test func foreignKeysHoldHistory() throws {
        #expect(throws: (any Error).self) {
            try store.add(Person(id: EntityID("aaaa0000-0000-4000-8000-000000000000"), name: "X",
                                 plant: EntityID("99999999-0000-4000-8000-000000000000")))
        }
    }
}

@Suite struct CurriculumStoreTests {
    let store = try! FormationStore.inMemory()

    func text(_ s: String) -> LocalizedText { LocalizedText(["en": s, "es": s]) }

    @Test func storesAndReadsBackAWholeCurriculum() throws {
        let header = CurriculumHeader(id: Slug(trusted: "drawing"), version: 2, title: text("Drawing"), description: text("d"),
                                      council: "Consejo", plant: "Maquinarias Barinas", license: "CC-BY-SA-4.0",
                                      derivedFrom: Provenance(curriculum: Slug(trusted: "older"), version: 1))
        let lines = Workshop(id: Slug(trusted: "lines"), title: text("Lines"), objectives: [text("o")], durationMinutes: 90,
                             materials: [text("pencil")], outline: [Activity(title: text("warm up"), minutes: 15, description: text("draw"))])
        let dims = Workshop(id: Slug(trusted: "dims"), title: text("Dims"), prerequisites: [WorkshopRef(curriculum: nil, workshop: Slug(trusted: "lines")),
                            try WorkshopRef(parsing: "other/x")], durationMinutes: 120, category: .safety, minParticipants: 2, maxParticipants: 8)
        try store.inCurriculumTransaction { transaction in
            try transaction.replaceHeader(header)
            try transaction.insert(lines, in: header.id, position: 0)
            try transaction.insert(dims, in: header.id, position: 1)
            return (true, ())
        }
        let back = try #require(try store.curriculum(header.id))
        #expect(back == Curriculum(header: header, workshops: [lines, dims]))
        #expect(try store.prerequisiteGraph()[WorkshopRef(curriculum: header.id, workshop: dims.id)] == [
            try WorkshopRef(parsing: "drawing/lines"), try WorkshopRef(parsing: "other/x"),
        ])
        #expect(try store.workshop(WorkshopRef(parsing: "dims")).curriculum == header.id)
        #expect(try store.curricula().map(\.workshopCount) == [2])
    }

    @Test func rolledBackTransactionLeavesNothing() throws {
        let header = CurriculumHeader(id: Slug(trusted: "x"), version: 1, title: text("X"), council: "C", license: "L")
        try store.inCurriculumTransaction { transaction in
            try transaction.replaceHeader(header)
            return (false, ())
        }
        #expect(try store.curricula().isEmpty)
    }

    @Test func bareWorkshopIDInTwoCurriculaIsAmbiguous() throws {
        for id in ["a", "b"] {
            let header = CurriculumHeader(id: Slug(trusted: id), version: 1, title: text(id), council: "C", license: "L")
            try store.inCurriculumTransaction { transaction in
                try transaction.replaceHeader(header)
                try transaction.insert(Workshop(id: Slug(trusted: "intro"), title: text("Intro"), durationMinutes: 60), in: header.id, position: 0)
                return (true, ())
            }
        }
        #expect(throws: LookupError.ambiguous(kind: .workshop, query: "intro", candidates: ["a/intro", "b/intro"])) {
            try store.workshop(WorkshopRef(parsing: "intro"))
        }
        #expect(try store.workshop(WorkshopRef(parsing: "b/intro")).curriculum.rawValue == "b")
    }
}

@Suite struct DatabaseFileTests {
    func temporaryPath() -> String {
        NSTemporaryDirectory() + "formation-test-\(UUID().uuidString)/formation.sqlite"
    }

    @Test func createsFolderAndUsesWALWithFullSync() throws {
        let path = temporaryPath()
        let store = try FormationStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        let (mode, sync) = try store.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(mode == "wal")
        #expect(sync == 2)
    }

    @Test func databaseFromANewerVersionIsRefusedUntouched() throws {
        let path = temporaryPath()
        _ = try FormationStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99 from the future')") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StorageError.tooNew(path: path, unknownMigrations: ["v99 from the future"])) {
            try FormationStore(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func fileThatIsNotSQLiteIsRefused() throws {
        let path = temporaryPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(String(repeating: "not a database\n", count: 300).utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StorageError.notADatabase(path: path)) { try FormationStore(path: path) }
    }
}
