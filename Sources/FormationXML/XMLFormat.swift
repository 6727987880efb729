/// The kinds of document `formation` exchanges, each recognised by its root element.
enum XMLDocumentKind: String, Sendable, CaseIterable {
    /// A curriculum pack: `<curriculum>` in `urn:selfformation:curriculum:1`.
    case curriculumPack
    /// A battle record: `<battleRecord>` in `urn:selfformation:battle:1`.
    case battleRecord
}

/// What identifies one interchange format and validates it. A new format (a battle record) is
/// one more entry in `all`, one more `embed` line in `Scripts/embed-schemas.sh`, and a builder
/// for its elements; the reader core, the guard and the schema set need no change.
struct XMLFormat: Sendable {
    let kind: XMLDocumentKind
    /// The namespace of the root element (and, by the schema, of every element below it).
    let namespace: String
    /// The local name of the root element.
    let root: String
    /// The schema that defines the format; it may import other embedded schemas.
    let schema: EmbeddedSchema

    static let curriculumPack = XMLFormat(
        kind: .curriculumPack, namespace: "urn:selfformation:curriculum:1", root: "curriculum",
        schema: .curriculum)

    static let battleRecord = XMLFormat(
        kind: .battleRecord, namespace: "urn:selfformation:battle:1", root: "battleRecord",
        schema: .battleRecord)

    static let all: [XMLFormat] = [curriculumPack, battleRecord]

    static func format(of kind: XMLDocumentKind) -> XMLFormat {
        switch kind {
        case .curriculumPack: curriculumPack
        case .battleRecord: battleRecord
        }
    }
}
