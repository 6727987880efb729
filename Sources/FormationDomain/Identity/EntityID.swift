/// The id of a plant, person, battle, session or shift: a lowercase UUID string.
///
/// UUIDs let records from different plants merge without clashes (DESIGN.md §5). Nobody types one:
/// the CLI resolves names and unambiguous prefixes to these.
public struct EntityID: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let rawValue: String

    /// - Throws: `DomainError.malformedIdentifier` unless `text` is a UUID (any case; stored lowercase).
    public init(_ text: String) throws(DomainError) {
        let lower = text.lowercased()
        guard EntityID.isUUID(lower) else { throw .malformedIdentifier(text) }
        rawValue = lower
    }

    public init(trusted rawValue: String) { self.rawValue = rawValue }

    static func isUUID(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard bytes.count == 36 else { return false }
        for (i, b) in bytes.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if b != 0x2D { return false }
            } else if !((b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66)) {
                return false
            }
        }
        return true
    }

    public var description: String { rawValue }
    /// The first eight characters: what lists show and what people type.
    public var short: String { String(rawValue.prefix(8)) }
    public static func < (lhs: EntityID, rhs: EntityID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "malformed id \(text)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
