import FormationDomain

/// The JSON of `workshop.content`, written and read by hand (`JSONColumnWriter`, `JSONColumnReader`).
///
/// The shape is the one `JSONEncoder` gave the `Codable` types, keys sorted, and it must stay so:
///
///     {"competencies":[T…],"materials":[T…],"objectives":[T…],
///      "outline":[{"description":T,"minutes":5,"title":T}…],"summary":T,"title":T}
///
/// where `T` is a `LocalizedText`: `{"variants":[{"language":"en","text":"…"}…]}`.
extension WorkshopContent {
    /// The column's text: the same bytes `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` gives.
    var json: String {
        var writer = JSONColumnWriter()
        writer.raw("{")
        writer.key("competencies", first: true)
        writer.array(competencies) { $0.localizedText($1) }
        writer.key("materials")
        writer.array(materials) { $0.localizedText($1) }
        writer.key("objectives")
        writer.array(objectives) { $0.localizedText($1) }
        writer.key("outline")
        writer.array(outline) { $0.activity($1) }
        writer.key("summary")
        writer.localizedText(summary)
        writer.key("title")
        writer.localizedText(title)
        writer.raw("}")
        return writer.text
    }

    /// Reads the column's text; every member is required, unknown members are skipped.
    /// - Throws: `JSONColumnError` saying what is wrong and at which byte.
    init(json: String) throws {
        self = try JSONColumnReader.read(json) { reader in
            var title: LocalizedText?, summary: LocalizedText?
            var objectives: [LocalizedText]?, materials: [LocalizedText]?, competencies: [LocalizedText]?
            var outline: [Activity]?
            try reader.object { reader, key in
                switch key {
                case "title": title = try reader.localizedText()
                case "summary": summary = try reader.localizedText()
                case "objectives": objectives = try reader.array { try $0.localizedText() }
                case "materials": materials = try reader.array { try $0.localizedText() }
                case "competencies": competencies = try reader.array { try $0.localizedText() }
                case "outline": outline = try reader.array { try $0.activity() }
                default: try reader.skipValue()
                }
            }
            guard let title else { throw reader.missing("title") }
            guard let summary else { throw reader.missing("summary") }
            guard let objectives else { throw reader.missing("objectives") }
            guard let materials else { throw reader.missing("materials") }
            guard let competencies else { throw reader.missing("competencies") }
            guard let outline else { throw reader.missing("outline") }
            return WorkshopContent(title: title, summary: summary, objectives: objectives, materials: materials,
                                   competencies: competencies, outline: outline)
        }
    }
}

extension JSONColumnWriter {
    mutating func localizedText(_ text: LocalizedText) {
        raw("{\"variants\":")
        array(text.variants) { writer, variant in
            writer.raw("{")
            writer.key("language", first: true)
            writer.string(variant.language)
            writer.key("text")
            writer.string(variant.text)
            writer.raw("}")
        }
        raw("}")
    }

    mutating func activity(_ activity: Activity) {
        raw("{")
        key("description", first: true)
        localizedText(activity.description)
        key("minutes")
        integer(activity.minutes)
        key("title")
        localizedText(activity.title)
        raw("}")
    }
}

extension JSONColumnReader {
    mutating func localizedText() throws -> LocalizedText {
        var variants: [LocalizedText.Variant]?
        try object { reader, key in
            if key == "variants" { variants = try reader.array { try $0.variant() } } else { try reader.skipValue() }
        }
        guard let variants else { throw missing("variants") }
        return LocalizedText(variants)
    }

    fileprivate mutating func variant() throws -> LocalizedText.Variant {
        var language: String?, text: String?
        try object { reader, key in
            switch key {
            case "language": language = try reader.string()
            case "text": text = try reader.string()
            default: try reader.skipValue()
            }
        }
        guard let language else { throw missing("language") }
        guard let text else { throw missing("text") }
        return LocalizedText.Variant(language: language, text: text)
    }

    mutating func activity() throws -> Activity {
        var title: LocalizedText?, minutes: Int?, description: LocalizedText?
        try object { reader, key in
            switch key {
            case "title": title = try reader.localizedText()
            case "minutes": minutes = try reader.integer()
            case "description": description = try reader.localizedText()
            default: try reader.skipValue()
            }
        }
        guard let title else { throw missing("title") }
        guard let minutes else { throw missing("minutes") }
        guard let description else { throw missing("description") }
        return Activity(title: title, minutes: minutes, description: description)
    }
}
