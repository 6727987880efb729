import FormationDomain
import FormationUseCases
import FormationViews

// The JSON shapes of `list`/`show` (documented in the README): camelCase keys, ISO dates,
// the same in every language. Optional values are written as null, never left out.

struct PlantJSON: Encodable {
    let id: String
    let name: String
    let state: String
    @NullEncoded var sector: String?
    let ownership: String


    init(_ plant: Plant) {
        id = plant.id.rawValue
        name = plant.name
        state = plant.state
        sector = plant.sector
        ownership = plant.ownership.rawValue
    }
}

struct PersonJSON: Encodable {
    let id: String
    let name: String
    @NullEncoded var plant: String?
    @NullEncoded var plantId: String?
    let retired: Bool
    @NullEncoded var sector: String?


    init(_ entry: PersonEntry) {
        id = entry.person.id.rawValue
        name = entry.person.name
        plant = entry.plantName
        plantId = entry.person.plant?.rawValue
        retired = entry.person.retired
        sector = entry.person.sector?.rawValue
    }
}

struct BattleJSON: Encodable {
    let id: String
    let name: String
    let plant: String
    let plantId: String
    let state: String
    let start: String
    let end: String
    let days: Int
    let timeZone: String

    init(_ entry: BattleEntry) {
        id = entry.battle.id.rawValue
        name = entry.battle.name
        plant = entry.plantName
        plantId = entry.battle.plant.rawValue
        state = entry.plantState
        start = entry.battle.start.description
        end = entry.battle.end.description
        days = entry.battle.days
        timeZone = entry.battle.timeZone
    }
}
