/// A dated intervention at one plant: about five days of repair work with a learning programme beside it.
public struct Battle: Hashable, Sendable, Codable {
    public var id: EntityID
    public var name: String
    public var plant: EntityID
    public var start: CivilDate
    public var end: CivilDate
    /// IANA name (`America/Caracas`): session times are typed and shown in it.
    public var timeZone: String

    /// - Throws: `DomainError.emptyName`, or `.datesOutOfOrder` when `end` is before `start`,
    ///   or `.invalidValue` for a battle longer than a year (a typo in the year, almost surely).
    public init(id: EntityID, name: String, plant: EntityID, start: CivilDate, end: CivilDate, timeZone: String) throws(DomainError) {
        guard start <= end else { throw .datesOutOfOrder(start: start.description, end: end.description) }
        guard end.daysSinceEpoch - start.daysSinceEpoch < Self.maximumDays else {
            throw .battleTooLong(start: start.description, end: end.description, days: end.daysSinceEpoch - start.daysSinceEpoch + 1)
        }
        self.id = id
        self.name = try requireName(name, field: "name")
        self.plant = plant
        self.start = start
        self.end = end
        self.timeZone = timeZone
    }

    /// A battle lasts about five days: one longer than a year and a day can only be a typing mistake.
    public static let maximumDays = 367

    public var days: Int { end.daysSinceEpoch - start.daysSinceEpoch + 1 }

    /// Whether `day` falls within the battle.
    public func contains(_ day: CivilDate) -> Bool { start <= day && day <= end }
}
