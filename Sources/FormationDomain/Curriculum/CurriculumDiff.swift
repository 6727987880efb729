/// What changed between two versions of a curriculum, workshop by workshop and field by field.
public struct CurriculumDiff: Equatable, Sendable, Codable {
    public struct FieldChange: Equatable, Sendable, Codable {
        public let field: String
        public let old: String
        public let new: String
    }

    public struct WorkshopChange: Equatable, Sendable, Codable {
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
            if a != b { list.append(FieldChange(field: field, old: a, new: b)) }
        }
        if old.id != new.id { compare("id", old.id.rawValue, new.id.rawValue, into: &meta) }
        compare("title", render(old.header.title), render(new.header.title), into: &meta)
        compare("description", render(old.header.description), render(new.header.description), into: &meta)
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
            compare("title", render(a.title), render(b.title), into: &fields)
            compare("summary", render(a.summary), render(b.summary), into: &fields)
            compare("objectives", render(a.objectives), render(b.objectives), into: &fields)
            compare("prerequisites", a.prerequisites.map(\.description).joined(separator: ", "),
                    b.prerequisites.map(\.description).joined(separator: ", "), into: &fields)
            compare("duration", String(a.durationMinutes), String(b.durationMinutes), into: &fields)
            compare("materials", render(a.materials), render(b.materials), into: &fields)
            compare("competencies", render(a.competencies), render(b.competencies), into: &fields)
            compare("category", a.category.rawValue, b.category.rawValue, into: &fields)
            compare("minParticipants", String(a.minParticipants), String(b.minParticipants), into: &fields)
            compare("maxParticipants", String(a.maxParticipants), String(b.maxParticipants), into: &fields)
            compare("outline", render(a.outline), render(b.outline), into: &fields)
            if fields.isEmpty { fields.append(FieldChange(field: "order", old: "", new: "")) }
            changes.append(WorkshopChange(workshop: id.rawValue, fields: fields))
        }
        changed = changes
    }
}

private func render(_ text: LocalizedText) -> String {
    text.variants.map { "[\($0.language)] \($0.text)" }.joined(separator: " ")
}

private func render(_ texts: [LocalizedText]) -> String {
    texts.map(render).joined(separator: " | ")
}

private func render(_ activities: [Activity]) -> String {
    activities.map { "\($0.minutes)′ \(render($0.title))" + ($0.description.isEmpty ? "" : " — \(render($0.description))") }
        .joined(separator: " | ")
}

private func render(_ provenance: Provenance?) -> String {
    provenance.map { "\($0.curriculum)@\($0.version)" } ?? ""
}
