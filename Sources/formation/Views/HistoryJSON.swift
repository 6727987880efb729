import FormationDomain
import FormationUseCases
import FormationViews

// `formation history --format json` (documented in the README): the same in every language.

/// A session in a history: where, when (ISO 8601 with the battle's offset), how long, and who.
struct HistorySessionJSON: Encodable {
    let id: String
    let workshop: String
    let title: TextJSON
    @NullEncoded var category: String?
    let battle: String
    let battleName: String
    let plant: String
    let plantId: String
    let state: String
    let place: String
    let date: String
    let start: String
    let end: String
    let hours: Double
    let facilitators: [PersonRefJSON]
    let participants: Int
    let attended: Int

    init(_ entry: HistorySession) {
        id = entry.session.id.rawValue
        workshop = entry.workshop.description
        title = TextJSON(entry.title)
        category = entry.category?.rawValue
        battle = entry.battle.battle.id.rawValue
        battleName = entry.battle.battle.name
        plant = entry.battle.plantName
        plantId = entry.battle.battle.plant.rawValue
        state = entry.battle.plantState
        place = entry.session.place
        date = entry.clock.local(entry.session.start).date.description
        start = ISO8601Local.string(entry.session.start, entry.clock)
        end = ISO8601Local.string(entry.session.end, entry.clock)
        hours = Hours.rounded(entry.hours)
        facilitators = entry.facilitators.map { PersonRefJSON(id: $0.id.rawValue, name: $0.name) }
        participants = entry.participants
        attended = entry.attended
    }

}

struct CompetencyJSON: Encodable {
    let workshop: String
    let text: TextJSON
}

/// A workshop someone is now ready for.
struct ReadyWorkshopJSON: Encodable {
    let id: String
    let curriculum: String
    let ref: String
    let title: TextJSON
    let category: String
    let minutes: Int
    let prerequisites: [String]

    init(_ entry: WorkshopEntry) {
        id = entry.workshop.id.rawValue
        curriculum = entry.curriculum.rawValue
        ref = entry.ref.description
        title = TextJSON(entry.workshop.title)
        category = entry.workshop.category.rawValue
        minutes = entry.workshop.durationMinutes
        prerequisites = entry.workshop.prerequisites.map { $0.qualified(in: entry.curriculum).description }
    }
}

/// Prior learning recognised: not attended, no hours.
struct RecognisedJSON: Encodable {
    let workshop: String
    let title: TextJSON
    let recorded: String
    @NullEncoded var by: PersonRefJSON?
    @NullEncoded var note: String?

    init(_ entry: RecognisedLearning) {
        workshop = entry.workshop.description
        title = TextJSON(entry.title)
        recorded = entry.recorded.description
        by = entry.by.map { PersonRefJSON(id: $0.id.rawValue, name: $0.name) }
        note = entry.note
    }
}

struct HistoryJSON: Encodable {
    let person: PersonJSON
    let attended: [HistorySessionJSON]
    let taught: [HistorySessionJSON]
    let hoursAttended: Double
    let hoursTaught: Double
    let competencies: [CompetencyJSON]
    let recognised: [RecognisedJSON]
    let readyFor: [ReadyWorkshopJSON]

    init(_ history: LearningHistory) {
        person = PersonJSON(history.person)
        attended = history.attended.map(HistorySessionJSON.init)
        taught = history.taught.map(HistorySessionJSON.init)
        hoursAttended = Hours.rounded(history.hoursAttended)
        hoursTaught = Hours.rounded(history.hoursTaught)
        competencies = history.competencies.map { CompetencyJSON(workshop: $0.workshop.description, text: TextJSON($0.text)) }
        recognised = history.recognised.map(RecognisedJSON.init)
        readyFor = history.readyFor.map(ReadyWorkshopJSON.init)
    }
}
