public import FormationDomain

/// Writes curriculum packs in canonical form, streaming: the same data always gives the same bytes,
/// so packs diff well and import → export → import → export is byte-identical.
///
/// Canonical means: `<?xml version="1.0" encoding="UTF-8"?>`, two-space indentation, elements and
/// attributes in the schema's order (`xmlns` first on the root), languages in sorted order (as
/// `LocalizedText` keeps them), `minParticipants` and `maxParticipants` always written, no
/// timestamps, a final line break. The output validates against `Curricula/curriculum.xsd`.
///
/// A `final class` because it owns libxml2's `xmlTextWriter` (freed in `deinit`); use it from one
/// thread: `begin`, then `write` per workshop, then `finish`.
public final class CurriculumPackWriter {
    private let xml: XMLTextWriting
    private var curriculum: Slug?
    private var workshops = 0
    private var finished = false

    /// - Throws: `XMLWriteError` if libxml2 cannot make a writer (out of memory).
    public init(to destination: XMLDestination) throws {
        xml = try XMLTextWriting(to: destination)
    }

    /// The bytes written so far, for `.memory` (complete after `finish()`).
    public var bytes: [UInt8] { xml.sink.bytes }

    /// Writes the XML declaration, the root element and the header's elements.
    public func begin(_ header: CurriculumHeader) throws {
        precondition(curriculum == nil, "begin(_:) once per writer")
        curriculum = header.id
        let context = "curriculum '\(header.id)'"
        try xml.startDocument()
        try start("curriculum")
        try attribute("xmlns", XMLFormat.curriculumPack.namespace)
        try attribute("id", header.id.rawValue)
        try attribute("version", String(header.version))
        try texts("title", header.title, required: "\(context) title")
        try texts("description", header.description)
        try element("council", header.council, field: "\(context) council")
        if let plant = header.plant { try element("plant", plant, field: "\(context) plant") }
        try element("license", header.license, field: "\(context) license")
        if let derivedFrom = header.derivedFrom {
            try start("derivedFrom")
            try attribute("curriculum", derivedFrom.curriculum.rawValue)
            try attribute("version", String(derivedFrom.version))
            try end()
        }
    }

    /// Writes one workshop.
    public func write(_ workshop: Workshop) throws {
        precondition(curriculum != nil && !finished, "write(_:) between begin(_:) and finish()")
        let context = "workshop '\(workshop.id)'"
        try start("workshop")
        try attribute("id", workshop.id.rawValue)
        try attribute("category", workshop.category.rawValue)
        try attribute("minutes", String(workshop.durationMinutes))
        try attribute("minParticipants", String(workshop.minParticipants))
        try attribute("maxParticipants", String(workshop.maxParticipants))
        try texts("title", workshop.title, required: "\(context) title")
        try texts("summary", workshop.summary)
        if !workshop.prerequisites.isEmpty {
            try start("prerequisites")
            for prerequisite in workshop.prerequisites {
                try start("requires")
                try attribute("ref", prerequisite.description)
                try end()
            }
            try end()
        }
        guard !workshop.objectives.isEmpty else { throw XMLWriteError(Message(.emptyName, "\(context) objectives")) }
        try items("objectives", "objective", workshop.objectives, context: "\(context) objective")
        try items("materials", "material", workshop.materials, context: "\(context) material")
        try items("competencies", "competency", workshop.competencies, context: "\(context) competency")
        if !workshop.outline.isEmpty {
            try start("outline")
            for activity in workshop.outline {
                try start("activity")
                try attribute("minutes", String(activity.minutes))
                try texts("title", activity.title, required: "\(context) activity title")
                try texts("description", activity.description)
                try end()
            }
            try end()
        }
        try end()
        workshops += 1
    }

    /// Closes the root, ends the file with a line break and flushes everything to the destination.
    /// - Throws: `XMLWriteError` if the pack has no workshop (the schema requires one) or the
    ///   destination refused the bytes.
    public func finish() throws {
        precondition(curriculum != nil && !finished, "finish() once, after begin(_:)")
        finished = true
        guard workshops > 0 else { throw XMLWriteError(Message(.emptyName, "curriculum '\(curriculum!)' workshops")) }
        try xml.finish()
    }

    // MARK: - Whole curricula

    /// The canonical bytes of `curriculum`.
    public static func bytes(of curriculum: Curriculum) throws -> [UInt8] {
        let writer = try CurriculumPackWriter(to: .memory)
        try writer.write(curriculum)
        return writer.bytes
    }

    /// Writes `curriculum` whole: `begin`, every workshop, `finish`.
    public func write(_ curriculum: Curriculum) throws {
        try begin(curriculum.header)
        for workshop in curriculum.workshops { try write(workshop) }
        try finish()
    }

    // MARK: - Elements

    private func start(_ name: String) throws { try xml.start(name) }
    private func end() throws { try xml.end() }
    private func attribute(_ name: String, _ value: String) throws { try xml.attribute(name, value) }

    /// `<name>text</name>`, for the header's plain texts.
    private func element(_ name: String, _ text: String, field: String) throws {
        try checkText(text, field: field)
        try start(name)
        try xml.text(text, field: field)
        try end()
    }

    /// One `<name xml:lang="…">` per language, in the sorted order `LocalizedText` keeps.
    private func texts(_ name: String, _ text: LocalizedText, required field: String? = nil) throws {
        if let field, text.isEmpty { throw XMLWriteError(Message(.emptyName, field)) }
        for variant in text.variants {
            // The label names the text in an error only: built when there is one.
            try checkText(variant.text, field: "\(field ?? name) [\(variant.language)]")
            try start(name)
            try attribute("xml:lang", variant.language)
            try xml.text(variant.text, field: "\(field ?? name) [\(variant.language)]")
            try end()
        }
    }

    /// `<objectives><objective><text xml:lang="…">…` and the like.
    private func items(_ container: String, _ name: String, _ list: [LocalizedText], context: String) throws {
        guard !list.isEmpty else { return }
        try start(container)
        for item in list {
            try start(name)
            try texts("text", item, required: context)
            try end()
        }
        try end()
    }

    /// The schema's NonEmptyText needs one character other than XML white space.
    private func checkText(_ text: String, field: @autoclosure () -> String) throws {
        guard text.utf8.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
            throw XMLWriteError(Message(.emptyName, field()))
        }
    }
}
