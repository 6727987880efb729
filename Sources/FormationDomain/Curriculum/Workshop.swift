/// What kind of formation a workshop gives (DESIGN.md §2).
public enum WorkshopCategory: String, Sendable, CaseIterable, Codable {
    case technical, organisational, political, safety

    /// Its name for a reader (views, and the tracks and categories of calendar exports); the raw
    /// value is the machine name, for JSON and packs.
    public var name: Message {
        switch self {
        case .technical: Message(.categoryTechnical)
        case .organisational: Message(.categoryOrganisational)
        case .political: Message(.categoryPolitical)
        case .safety: Message(.categorySafety)
        }
    }
}

/// One timed step of a workshop's lesson plan.
public struct Activity: Hashable, Sendable, Codable {
    public var title: LocalizedText
    public var minutes: Int
    /// What the facilitator does and asks of the group; may be empty.
    public var description: LocalizedText

    public init(title: LocalizedText, minutes: Int, description: LocalizedText = LocalizedText()) {
        self.title = title
        self.minutes = minutes
        self.description = description
    }
}

/// One teachable unit: a lesson plan a new facilitator can follow.
public struct Workshop: Hashable, Sendable, Codable {
    public var id: Slug
    public var title: LocalizedText
    public var summary: LocalizedText
    public var objectives: [LocalizedText]
    /// Workshops to have attended first; a bare id means one in the same curriculum.
    public var prerequisites: [WorkshopRef]
    public var durationMinutes: Int
    public var materials: [LocalizedText]
    public var competencies: [LocalizedText]
    public var category: WorkshopCategory
    public var minParticipants: Int
    public var maxParticipants: Int
    public var outline: [Activity]

    public init(
        id: Slug, title: LocalizedText, summary: LocalizedText = LocalizedText(),
        objectives: [LocalizedText] = [], prerequisites: [WorkshopRef] = [], durationMinutes: Int,
        materials: [LocalizedText] = [], competencies: [LocalizedText] = [],
        category: WorkshopCategory = .technical, minParticipants: Int = 1, maxParticipants: Int = 30,
        outline: [Activity] = []
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.objectives = objectives
        self.prerequisites = prerequisites
        self.durationMinutes = durationMinutes
        self.materials = materials
        self.competencies = competencies
        self.category = category
        self.minParticipants = minParticipants
        self.maxParticipants = maxParticipants
        self.outline = outline
    }

    /// Minutes the outline adds up to; must not exceed `durationMinutes`.
    public var outlineMinutes: Int { outline.reduce(0) { $0 + $1.minutes } }

    /// The rules one workshop must satisfy on its own.
    public func validate() throws(DomainError) {
        guard durationMinutes > 0, durationMinutes <= 24 * 60 else { throw .invalidDuration(String(durationMinutes)) }
        guard minParticipants >= 1, maxParticipants >= minParticipants else {
            throw .participantLimits(min: minParticipants, max: maxParticipants)
        }
        guard outline.allSatisfy({ $0.minutes > 0 }) else { throw .invalidDuration(id.rawValue) }
        guard outlineMinutes <= durationMinutes else {
            throw .outlineTooLong(workshop: id.rawValue, outline: outlineMinutes, duration: durationMinutes)
        }
        if prerequisites.contains(where: { $0.curriculum == nil && $0.workshop == id }) {
            throw .selfPrerequisite(id.rawValue)
        }
    }
}
