/// The curriculum (and version) another one was adapted from.
public struct Provenance: Hashable, Sendable, Codable {
    public var curriculum: Slug
    public var version: Int
    public init(curriculum: Slug, version: Int) {
        self.curriculum = curriculum
        self.version = version
    }
}

/// Everything about a curriculum except its workshops: what a pack's header carries.
public struct CurriculumHeader: Hashable, Sendable, Codable {
    public var id: Slug
    public var version: Int
    public var title: LocalizedText
    public var description: LocalizedText
    /// The council that wrote it (a workers' council, a CPT).
    public var council: String
    /// The plant where it was written, when the council names one.
    public var plant: String?
    /// An SPDX id or licence name, e.g. `CC-BY-SA-4.0`.
    public var license: String
    public var derivedFrom: Provenance?

    public init(
        id: Slug, version: Int, title: LocalizedText, description: LocalizedText = LocalizedText(),
        council: String, plant: String? = nil, license: String, derivedFrom: Provenance? = nil
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.description = description
        self.council = council
        self.plant = plant
        self.license = license
        self.derivedFrom = derivedFrom
    }
}

extension CurriculumHeader {
    /// How far past the stored version an import may move a pack without `--replace`. Councils
    /// number their versions one after another; a stranger's pack at version 999999 (the schema's
    /// highest) would otherwise leave no newer version to import, ever.
    public static let maximumVersionStep = 10
}

/// A named, versioned set of workshops written by a council (a "pack").
public struct Curriculum: Hashable, Sendable {
    public var header: CurriculumHeader
    public var workshops: [Workshop]

    public init(header: CurriculumHeader, workshops: [Workshop]) {
        self.header = header
        self.workshops = workshops
    }

    public var id: Slug { header.id }
    public var version: Int { header.version }
}
