import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// What one group's `edit` takes beyond the entity it edits: its options, checked in `validate()`,
/// and the use case they become.
protocol EditOptions: ParsableArguments {
    static var abstract: HelpID { get }
    static var argument: EntityArgument { get }
    /// The use case's edit of `reference` with these options.
    func edit(_ reference: String, in store: FormationStore) throws -> EditOutcome
}

/// `formation <group> edit REF [options]`: the options are the group's; the rest is every group's
/// edit: the forced conflicts and notes on stderr as `session add` says them, then what changed.
struct EditCommand<Options: EditOptions>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "edit", abstract: Help.text(Options.abstract))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: Options.argument.argumentHelp) var reference: String
    @OptionGroup var options: Options

    func run() throws {
        EditOutput.edited(try options.edit(reference, in: global.openStore(writes: true)), global.language)
    }
}
