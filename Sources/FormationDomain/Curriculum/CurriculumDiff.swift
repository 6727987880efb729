/// A field's value on one side of a diff, kept typed so that JSON shows human text as
/// `{"en": …, "es": …}` like everywhere else, and text output can still print it on one line.
public enum DiffValue: Equatable, Sendable, Encodable {
    case plain(String)
    case text(LocalizedText)
    case texts([LocalizedText])
    case outline([Activity])

    /// On one line: `[en] … [es] …`, lists separated by ` | `, activities with their minutes.
    public var rendered: String {
        switch self {
        case .plain(let text): text
        case .text(let text): render(text)
        case .texts(let texts): texts.map(render).joined(separator: " | ")
        case .outline(let activities):
            activities.map { "\($0.minutes)′ \(render($0.title))" + ($0.description.isEmpty ? "" : " — \(render($0.description))") }
                .joined(separator: " | ")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .plain(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .text(let text):
            try LanguageKeyed(text).encode(to: encoder)
        case .texts(let texts):
            var container = encoder.unkeyedContainer()
            for text in texts { try container.encode(LanguageKeyed(text)) }
        case .outline(let activities):
            var container = encoder.unkeyedContainer()
            for activity in activities {
                try container.encode(ActivityValue(minutes: activity.minutes, title: LanguageKeyed(activity.title),
                                                   description: LanguageKeyed(activity.description)))
            }
        }
    }

    private struct ActivityValue: Encodable {
        let minutes: Int
        let title: LanguageKeyed
        let description: LanguageKeyed
    }
}

/// `{"en": "…", "es": "…"}`: every language a text has.
struct LanguageKeyed: Encodable {
    let text: LocalizedText
    init(_ text: LocalizedText) { self.text = text }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for variant in text.variants { try container.encode(variant.text, forKey: Key(stringValue: variant.language)) }
    }

    struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}

/// What changed between two versions of a curriculum, workshop by workshop and field by field.
public struct CurriculumDiff: Equatable, Sendable, Encodable {
    public struct FieldChange: Equatable, Sendable, Encodable {
        public let field: String
        public let old: DiffValue
        public let new: DiffValue
    }

    public struct WorkshopChange: Equatable, Sendable, Encodable {
        public let workshop: String
        public let fields: [FieldChange]
    }

    public let curriculum: String
    public let oldVersion: Int
    public let newVersion: Int
    /// Header fields (title, description, council, plant, license, derivedFrom) that differ.
    public let metadata: [FieldChange]
    public let added: [String]
    public let removed: [String]
    public let changed: [WorkshopChange]

    public var isEmpty: Bool { metadata.isEmpty && added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// Compares `old` with `new`; workshops are matched by id, whatever their order.
    public init(old: Curriculum, new: Curriculum) {
        curriculum = new.id.rawValue
        oldVersion = old.version
        newVersion = new.version
        var meta: [FieldChange] = []
        func compare(_ field: String, _ a: String, _ b: String, into list: inout [FieldChange]) {
            if a != b { list.append(FieldChange(field: field, old: .plain(a), new: .plain(b))) }
        }
        func compare(_ field: String, _ a: DiffValue, _ b: DiffValue, into list: inout [FieldChange]) {
            if a != b { list.append(FieldChange(field: field, old: a, new: b)) }
        }
        if old.id != new.id { compare("id", old.id.rawValue, new.id.rawValue, into: &meta) }
        compare("title", .text(old.header.title), .text(new.header.title), into: &meta)
        compare("description", .text(old.header.description), .text(new.header.description), into: &meta)
        compare("council", old.header.council, new.header.council, into: &meta)
        compare("plant", old.header.plant ?? "", new.header.plant ?? "", into: &meta)
        compare("license", old.header.license, new.header.license, into: &meta)
        compare("derivedFrom", render(old.header.derivedFrom), render(new.header.derivedFrom), into: &meta)
        metadata = meta

        let oldByID = Dictionary(old.workshops.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newByID = Dictionary(new.workshops.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        added = new.workshops.map(\.id).filter { oldByID[$0] == nil }.map(\.rawValue).sorted()
        removed = old.workshops.map(\.id).filter { newByID[$0] == nil }.map(\.rawValue).sorted()
        var changes: [WorkshopChange] = []
        for id in newByID.keys.sorted() {
            guard let a = oldByID[id], let b = newByID[id], a != b else { continue }
            var fields: [FieldChange] = []
            compare("title", .text(a.title), .text(b.title), into: &fields)
            compare("summary", .text(a.summary), .text(b.summary), into: &fields)
            compare("objectives", .texts(a.objectives), .texts(b.objectives), into: &fields)
            compare("prerequisites", a.prerequisites.map(\.description).joined(separator: ", "),
                    b.prerequisites.map(\.description).joined(separator: ", "), into: &fields)
            compare("duration", String(a.durationMinutes), String(b.durationMinutes), into: &fields)
            compare("materials", .texts(a.materials), .texts(b.materials), into: &fields)
            compare("competencies", .texts(a.competencies), .texts(b.competencies), into: &fields)
            compare("category", a.category.rawValue, b.category.rawValue, into: &fields)
            compare("minParticipants", String(a.minParticipants), String(b.minParticipants), into: &fields)
            compare("maxParticipants", String(a.maxParticipants), String(b.maxParticipants), into: &fields)
            compare("outline", .outline(a.outline), .outline(b.outline), into: &fields)
            if fields.isEmpty { fields.append(FieldChange(field: "order", old: .plain(""), new: .plain(""))) }
            changes.append(WorkshopChange(workshop: id.rawValue, fields: fields))
        }
        changed = changes
    }
}

private func render(_ text: LocalizedText) -> String {
    text.variants.map { "[\($0.language)] \($0.text)" }.joined(separator: " ")
}

private func render(_ provenance: Provenance?) -> String {
    provenance.map { "\($0.curriculum)@\($0.version)" } ?? ""
}
