public import ArgumentParser
public import FormationDomain
public import FormationUseCases

// Domain enums typed on the command line, in English or Spanish (`TypedWords`); help lists their
// English raw values. The conformances are public because the enums are; nothing outside this
// executable sees them.
extension Ownership: ExpressibleByArgument {
    public init?(argument: String) { guard let value = TypedWords.ownership(argument) else { return nil }; self = value }
}
extension Sector: ExpressibleByArgument {
    public init?(argument: String) { guard let value = TypedWords.sector(argument) else { return nil }; self = value }
}
extension Role: ExpressibleByArgument {
    public init?(argument: String) { guard let value = TypedWords.role(argument) else { return nil }; self = value }
}
extension AttendanceStatus: ExpressibleByArgument {
    public init?(argument: String) { guard let value = TypedWords.status(argument) else { return nil }; self = value }
}
extension BattleExport.Format: ExpressibleByArgument {}
