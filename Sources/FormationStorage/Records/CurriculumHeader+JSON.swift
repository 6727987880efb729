import FormationDomain

/// The JSON of `curriculum.header`, by hand like `workshop.content` (see `WorkshopContent+JSON.swift`),
/// so that no column of a curriculum goes through `Codable`. The shape `JSONEncoder` gave it, keys
/// sorted, absent optionals left out:
///
///     {"council":"…","derivedFrom":{"curriculum":"…","version":1},"description":T,"id":"…",
///      "license":"…","plant":"…","title":T,"version":2}
extension CurriculumHeader {
    /// The column's text: the same bytes `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` gives.
    var json: String {
        var writer = JSONColumnWriter(capacity: 256)
        writer.raw("{")
        writer.key("council", first: true)
        writer.string(council)
        if let derivedFrom {
            writer.key("derivedFrom")
            writer.raw("{")
            writer.key("curriculum", first: true)
            writer.string(derivedFrom.curriculum.rawValue)
            writer.key("version")
            writer.integer(derivedFrom.version)
            writer.raw("}")
        }
        writer.key("description")
        writer.localizedText(description)
        writer.key("id")
        writer.string(id.rawValue)
        writer.key("license")
        writer.string(license)
        if let plant {
            writer.key("plant")
            writer.string(plant)
        }
        writer.key("title")
        writer.localizedText(title)
        writer.key("version")
        writer.integer(version)
        writer.raw("}")
        return writer.text
    }

    /// Reads the column's text; `plant` and `derivedFrom` may be absent or null, the rest is required.
    /// - Throws: `JSONColumnError`, also for an id that is not a well-formed slug.
    init(json: String) throws {
        self = try JSONColumnReader.read(json) { reader in
            var id: Slug?, version: Int?, title: LocalizedText?, description: LocalizedText?
            var council: String?, plant: String?, license: String?, derivedFrom: Provenance?
            try reader.object { reader, key in
                switch key {
                case "id": id = try reader.slug()
                case "version": version = try reader.integer()
                case "title": title = try reader.localizedText()
                case "description": description = try reader.localizedText()
                case "council": council = try reader.string()
                case "plant": plant = reader.null() ? nil : try reader.string()
                case "license": license = try reader.string()
                case "derivedFrom": derivedFrom = reader.null() ? nil : try reader.provenance()
                default: try reader.skipValue()
                }
            }
            guard let id else { throw reader.missing("id") }
            guard let version else { throw reader.missing("version") }
            guard let title else { throw reader.missing("title") }
            guard let description else { throw reader.missing("description") }
            guard let council else { throw reader.missing("council") }
            guard let license else { throw reader.missing("license") }
            return CurriculumHeader(id: id, version: version, title: title, description: description, council: council,
                                    plant: plant, license: license, derivedFrom: derivedFrom)
        }
    }
}

extension JSONColumnReader {
    /// A curriculum id, refused unless well formed (`Slug`'s own `Decodable` refused it too).
    fileprivate mutating func slug() throws -> Slug {
        let start = position
        let text = try string()
        guard Slug.isWellFormed(text) else { throw failure("malformed id '\(text)'", at: start) }
        return Slug(trusted: text)
    }

    fileprivate mutating func provenance() throws -> Provenance {
        var curriculum: Slug?, version: Int?
        try object { reader, key in
            switch key {
            case "curriculum": curriculum = try reader.slug()
            case "version": version = try reader.integer()
            default: try reader.skipValue()
            }
        }
        guard let curriculum else { throw missing("curriculum") }
        guard let version else { throw missing("version") }
        return Provenance(curriculum: curriculum, version: version)
    }
}
