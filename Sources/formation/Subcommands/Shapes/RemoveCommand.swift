import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// What tells one group's `remove` from another's: its abstract, the entity it takes and the use
/// case that removes it (and refuses what is still referred to).
struct Removal {
    let abstract: HelpID
    let argument: EntityArgument
    let remove: (FormationStore, String) throws -> EditOutcome
}

/// An entity a group can remove: the group's `remove` is `RemoveCommand<ThatEntity>`.
protocol Removable {
    static var removal: Removal { get }
}

/// `formation <group> remove REF`: one reference in, one line on stderr saying what went. Every
/// group's `remove` has this shape, so it is written once.
struct RemoveCommand<Kind: Removable>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "remove", abstract: Help.text(Kind.removal.abstract))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: Kind.removal.argument.argumentHelp) var reference: String

    func run() throws {
        EditOutput.removed(try Kind.removal.remove(global.openStore(writes: true), reference), global.language)
    }
}
