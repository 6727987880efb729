public import ArgumentParser
public import FormationDomain
public import FormationUseCases

// Domain enums typed on the command line by their raw values. The conformances are public
// because the enums are; nothing outside this executable sees them.
extension Ownership: ExpressibleByArgument {}
extension Sector: ExpressibleByArgument {}
extension Role: ExpressibleByArgument {}
extension AttendanceStatus: ExpressibleByArgument {}
extension BattleExport.Format: ExpressibleByArgument {}
