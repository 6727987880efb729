/// A reference to a workshop: `curriculum-id/workshop-id`, or a bare `workshop-id` meaning
/// "in the same curriculum" inside a pack, and "wherever it is unambiguous" on the command line.
public struct WorkshopRef: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let curriculum: Slug?
    public let workshop: Slug

    public init(curriculum: Slug?, workshop: Slug) {
        self.curriculum = curriculum
        self.workshop = workshop
    }

    /// - Throws: `DomainError.malformedIdentifier` for anything but `a/b` or `b` with well-formed ids.
    public init(parsing text: String) throws(DomainError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            curriculum = nil
            workshop = try Slug(String(parts[0]))
        case 2:
            do {
                curriculum = try Slug(String(parts[0]))
                workshop = try Slug(String(parts[1]))
            } catch { throw .malformedIdentifier(text) }
        default:
            throw .malformedIdentifier(text)
        }
    }

    /// The same reference with the curriculum filled in when it was implicit.
    public func qualified(in home: Slug) -> WorkshopRef {
        WorkshopRef(curriculum: curriculum ?? home, workshop: workshop)
    }

    public var description: String {
        if let curriculum { "\(curriculum)/\(workshop)" } else { workshop.rawValue }
    }

    public static func < (lhs: WorkshopRef, rhs: WorkshopRef) -> Bool { lhs.description < rhs.description }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad ref \(text)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
