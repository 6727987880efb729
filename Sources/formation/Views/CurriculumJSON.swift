import FormationDomain
import FormationUseCases
import FormationViews

/// Human text in JSON: `{"en": "…", "es": "…"}`, every language the pack has; `null` for a text
/// that is absent (an activity without a description, a record's workshop unknown here), never `{}`.
struct TextJSON: Encodable {
    let text: LocalizedText
    init(_ text: LocalizedText) { self.text = text }

    func encode(to encoder: any Encoder) throws {
        guard !text.variants.isEmpty else {
            var container = encoder.singleValueContainer()
            try container.encodeNil()
            return
        }
        var container = encoder.container(keyedBy: Key.self)
        for variant in text.variants { try container.encode(variant.text, forKey: Key(variant.language)) }
    }

    struct Key: CodingKey {
        let stringValue: String
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}

struct ProvenanceJSON: Encodable {
    let curriculum: String
    let version: Int
}

struct CurriculumJSON: Encodable {
    let id: String
    let version: Int
    let title: TextJSON
    let description: TextJSON
    let council: String
    @NullEncoded var plant: String?
    let license: String
    @NullEncoded var derivedFrom: ProvenanceJSON?
    let workshopCount: Int
    /// Only in `curriculum show`: left out of lists.
    let workshops: [WorkshopJSON]?

    /// `curriculum show`: the header with the current workshops counted and every workshop listed.
    init(_ detail: CurriculumBrowsing.CurriculumDetail) {
        self.init(detail.header, workshopCount: detail.currentWorkshops, workshops: detail.workshops.map(WorkshopJSON.init))
    }

    init(_ header: CurriculumHeader, workshopCount: Int, workshops: [WorkshopJSON]? = nil) {
        id = header.id.rawValue
        version = header.version
        title = TextJSON(header.title)
        description = TextJSON(header.description)
        council = header.council
        plant = header.plant
        license = header.license
        derivedFrom = header.derivedFrom.map { ProvenanceJSON(curriculum: $0.curriculum.rawValue, version: $0.version) }
        self.workshopCount = workshopCount
        self.workshops = workshops
    }
}

struct ActivityJSON: Encodable {
    let minutes: Int
    let title: TextJSON
    let description: TextJSON
}

struct WorkshopJSON: Encodable {
    let id: String
    let curriculum: String
    let ref: String
    let title: TextJSON
    let summary: TextJSON
    let category: String
    let minutes: Int
    let minParticipants: Int
    let maxParticipants: Int
    let prerequisites: [String]
    let objectives: [TextJSON]
    let materials: [TextJSON]
    let competencies: [TextJSON]
    let outline: [ActivityJSON]
    /// Dropped by a later version of its pack, kept because something uses it.
    let retired: Bool

    init(_ entry: WorkshopEntry) {
        let workshop = entry.workshop
        id = workshop.id.rawValue
        curriculum = entry.curriculum.rawValue
        ref = entry.ref.description
        title = TextJSON(workshop.title)
        summary = TextJSON(workshop.summary)
        category = workshop.category.rawValue
        minutes = workshop.durationMinutes
        minParticipants = workshop.minParticipants
        maxParticipants = workshop.maxParticipants
        prerequisites = workshop.prerequisites.map { $0.qualified(in: entry.curriculum).description }
        objectives = workshop.objectives.map(TextJSON.init)
        materials = workshop.materials.map(TextJSON.init)
        competencies = workshop.competencies.map(TextJSON.init)
        outline = workshop.outline.map { ActivityJSON(minutes: $0.minutes, title: TextJSON($0.title), description: TextJSON($0.description)) }
        retired = entry.retired
    }
}
