public import FormationDomain

/// A stored JSON column (a workshop's texts, a curriculum's header) that cannot be read back: the
/// database was changed outside formation, or is damaged. Said with the row it belongs to, so that
/// the person knows which curriculum to import again; the command stops with exit 65, never crashes.
public struct DamagedColumn: Error, Equatable, Sendable {
    public let kind: EntityKind
    /// The row's id: `curriculum/workshop` or the curriculum's id.
    public let id: String
    /// What is wrong and where, e.g. `expected ':' at byte 57` (technical detail, in English).
    public let reason: String
}

extension DamagedColumn: LocalizedFailure {
    public var message: Message {
        Message(.storedColumnDamaged, arguments: [kind.name, .text(id), .text(reason)])
    }
}
