/// A readable identifier chosen by a council for a curriculum or a workshop
/// (`freehand-drawing`, `iso.sketch-2`).
///
/// Lowercase ASCII letters, digits, `-` and `.`, starting with a letter or digit, at most 64
/// characters. Kept this strict so ids survive file names, URLs and shells at every plant.
public struct Slug: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let rawValue: String

    public static let maximumLength = 64

    /// - Throws: `DomainError.malformedIdentifier` when `rawValue` breaks the rules above.
    public init(_ rawValue: String) throws(DomainError) {
        guard Slug.isWellFormed(rawValue) else { throw .malformedIdentifier(rawValue) }
        self.rawValue = rawValue
    }

    /// For values already checked (read back from our own database).
    public init(trusted rawValue: String) { self.rawValue = rawValue }

    public static func isWellFormed(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, utf8.count <= maximumLength else { return false }
        func allowed(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2E
        }
        guard first != 0x2D, first != 0x2E else { return false }
        return utf8.allSatisfy(allowed)
    }

    public var description: String { rawValue }
    public static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard Slug.isWellFormed(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "malformed id \(text)"))
        }
        rawValue = text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
