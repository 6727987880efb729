import ArgumentParser
import FormationDomain

/// The one entity a subcommand takes as its argument: the help text and the name usage shows
/// (`<battle>`), kept together so that every command names a battle, a person… the same way.
struct EntityArgument: Sendable {
    let help: HelpID
    let valueName: String

    static let battle = EntityArgument(help: .helpBattleRef, valueName: "battle")
    static let person = EntityArgument(help: .helpPersonRef, valueName: "person")
    static let plant = EntityArgument(help: .helpPlantRef, valueName: "plant")
    static let session = EntityArgument(help: .helpSessionRef, valueName: "session")
    static let shift = EntityArgument(help: .helpShiftRef, valueName: "shift")
    static let workshop = EntityArgument(help: .helpWorkshopRef, valueName: "workshop")
    static let curriculum = EntityArgument(help: .helpCurriculumID, valueName: "id")

    /// The parser's help for this argument: the same text and placeholder as a property named after it.
    var argumentHelp: ArgumentHelp { ArgumentHelp(Help.text(help), valueName: valueName) }
}

extension EntityArgument {
    /// The people a roster change names (`battle join B P…`).
    static let rosterPeople = EntityArgument(help: .helpRosterPeople, valueName: "person")
    /// The workshops a qualification names (`person qualify P W…`).
    static let qualifyWorkshops = EntityArgument(help: .helpQualifyWorkshops, valueName: "workshop")
}
