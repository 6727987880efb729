import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// What tells one read subcommand from another: its name and abstract, the use case that loads
/// what it shows, and how that is written for `--format json` and `--format text`.
struct Formatted<Value, JSON: Encodable> {
    let name: String
    let abstract: HelpID
    let load: (FormationStore, String) throws -> Value
    let json: (Value) -> JSON
    let text: (Value, Language) -> String

    /// Loads what the command shows from the store `global` opens (read only) and prints it in `format`.
    func print(_ reference: String, _ global: GlobalOptions, _ format: OutputFormat) throws {
        let value = try load(global.openStore(), reference)
        try format.write(json: { try JSONOutput.print(json(value)) }, text: { text(value, global.language) })
    }
}

/// A read subcommand that prints one `Formatted` value: its name and abstract come from it, and
/// so does its `run()`.
protocol FormattedCommand: ParsableCommand {
    associatedtype Value
    associatedtype JSON: Encodable
    static var formatted: Formatted<Value, JSON> { get }
    var global: GlobalOptions { get }
    var output: FormatOption { get }
    /// What the command names (empty for a list).
    var reference: String { get }
}

extension FormattedCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: formatted.name, abstract: Help.text(formatted.abstract))
    }

    func run() throws {
        try Self.formatted.print(reference, global, output.format)
    }
}

/// What one entity's read subcommand shows (`show`, `check`, `roster`): it is `ShowCommand<ThatKind>`.
protocol Showable {
    associatedtype Value
    associatedtype JSON: Encodable
    static var argument: EntityArgument { get }
    static var shown: Formatted<Value, JSON> { get }
}

/// `formation <group> show REF [--format text|json]` and the commands of its shape: one reference
/// in, one value out as text or JSON.
struct ShowCommand<Kind: Showable>: FormattedCommand {
    static var formatted: Formatted<Kind.Value, Kind.JSON> { Kind.shown }
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption
    @Argument(help: Kind.argument.argumentHelp) var reference: String
}

/// What a group lists: its `list` is `ListCommand<ThatKind>` (the reference `load` gets is empty).
protocol Listable {
    associatedtype Value
    associatedtype JSON: Encodable
    static var listed: Formatted<Value, JSON> { get }
}

/// `formation <group> list [--format text|json]`, for the groups whose list takes no filter.
struct ListCommand<Kind: Listable>: FormattedCommand {
    static var formatted: Formatted<Kind.Value, Kind.JSON> { Kind.listed }
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption
    var reference: String { "" }
}
