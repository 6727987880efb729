/// Which sector a volunteer works in; the army mixes both.
public enum Sector: String, Sendable, CaseIterable, Codable {
    case `public`, `private`
}

/// A volunteer: active or retired, public or private sector, from a home plant.
/// Personal data is kept minimal on purpose: a name and where they work.
public struct Person: Hashable, Sendable, Codable {
    public var id: EntityID
    public var name: String
    public var plant: EntityID?
    public var retired: Bool
    public var sector: Sector?

    /// - Throws: `DomainError.emptyName` when the name is blank.
    public init(id: EntityID, name: String, plant: EntityID? = nil, retired: Bool = false, sector: Sector? = nil) throws(DomainError) {
        self.id = id
        self.name = try requireName(name, field: "name")
        self.plant = plant
        self.retired = retired
        self.sector = sector
    }
}
