internal import GRDB
import FormationDomain

// One record struct per table; they stay inside the storage target. Use cases see domain values.

struct PlantRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "plant"
    var id: String
    var name: String
    var state: String
    var sector: String?
    var ownership: String

    init(_ plant: Plant) {
        id = plant.id.rawValue
        name = plant.name
        state = plant.state
        sector = plant.sector
        ownership = plant.ownership.rawValue
    }

    var domain: Plant {
        get throws {
            try Plant(id: EntityID(trusted: id), name: name, state: state, sector: sector,
                      ownership: stored(ownership, column: "plant.ownership"))
        }
    }
}

struct PersonRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "person"
    var id: String
    var name: String
    var plantId: String?
    var retired: Bool
    var sector: String?

    init(_ person: Person) {
        id = person.id.rawValue
        name = person.name
        plantId = person.plant?.rawValue
        retired = person.retired
        sector = person.sector?.rawValue
    }

    var domain: Person {
        get throws {
            try Person(id: EntityID(trusted: id), name: name, plant: plantId.map(EntityID.init(trusted:)),
                       retired: retired, sector: sector.flatMap(Sector.init(rawValue:)))
        }
    }
}

struct BattleRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "battle"
    var id: String
    var name: String
    var plantId: String
    var startDate: String
    var endDate: String
    var timeZone: String

    init(_ battle: Battle) {
        id = battle.id.rawValue
        name = battle.name
        plantId = battle.plant.rawValue
        startDate = battle.start.description
        endDate = battle.end.description
        timeZone = battle.timeZone
    }

    var domain: Battle {
        get throws {
            try Battle(id: EntityID(trusted: id), name: name, plant: EntityID(trusted: plantId),
                       start: CivilDate(iso: startDate), end: CivilDate(iso: endDate), timeZone: timeZone)
        }
    }
}
