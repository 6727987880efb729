/// Who owns a plant: it matters for which councils can form there.
public enum Ownership: String, Sendable, CaseIterable, Codable {
    case state
    case workerControlled = "worker-controlled"
    case `private`
}

/// A factory the brigades go to, in a state of the country, with a sector (fishing, food, LPG…).
public struct Plant: Hashable, Sendable, Codable {
    public var id: EntityID
    public var name: String
    /// The Venezuelan state (Bolívar, Sucre, Falcón…), used to find facilitators nearby.
    public var state: String
    public var sector: String?
    public var ownership: Ownership

    /// - Throws: `DomainError.emptyName` when the name or state is blank.
    public init(id: EntityID, name: String, state: String, sector: String? = nil, ownership: Ownership = .state) throws(DomainError) {
        self.id = id
        self.name = try requireName(name, field: "name")
        self.state = try requireName(state, field: "state")
        self.sector = try optionalName(sector, field: "sector")
        self.ownership = ownership
    }
}

/// Trims a name and refuses it when empty, too long, or holding control characters
/// (which would break tables, CSV sheets and XML exports) or noncharacters (U+FFFE, U+FFFF and the
/// other 64, which XML cannot carry: the name could never be exported).
func requireName(_ raw: String, field: String) throws(DomainError) -> String {
    let trimmed = raw.trimmed
    guard !trimmed.isEmpty else { throw .emptyName(field: field) }
    if let found = trimmed.unicodeScalars.first(where: \.properties.isNoncharacterCodePoint) {
        throw .noncharacter(field: field, scalar: found)
    }
    guard trimmed.unicodeScalars.count <= 200, !trimmed.unicodeScalars.contains(where: isControlOrFormat)
    else { throw .invalidValue(field: field, value: trimmed) }
    return trimmed
}

/// Whether a scalar is a control or (except the zero-width joiner of emoji) a format character.
/// Names are checked on every record imported and read back, so the scalars that can be neither
/// (printable ASCII, and Latin to Hebrew but the soft hyphen) skip the Unicode property lookup.
@inline(__always)
private func isControlOrFormat(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20 ... 0x7E, 0xA0 ... 0xAC, 0xAE ... 0x5FF:
        return false
    default:
        let category = scalar.properties.generalCategory
        return category == .control || category == .format && scalar.value != 0x200D
    }
}

func optionalName(_ raw: String?, field: String) throws(DomainError) -> String? {
    guard let raw else { return nil }
    return try requireName(raw, field: field)
}

extension String {
    /// Without leading and trailing white space (Unicode's definition), without Foundation.
    public var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        // Most names arrive already trimmed: no copy then.
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}
