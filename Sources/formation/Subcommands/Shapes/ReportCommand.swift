import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// What tells one report from another (`battle report`, `history`): its name and abstract, the use
/// case that loads it, and its text, JSON and printable HTML.
struct Reported<Value> {
    let name: String
    let abstract: HelpID
    let load: (FormationStore, String) throws -> Value
    let text: (Value, Language) -> String
    let json: (Value) throws -> String
    let html: (Value, Language) -> String
}

/// What one report is about: its command is `ReportCommand<ThatKind>`.
protocol Reportable {
    associatedtype Value
    static var argument: EntityArgument { get }
    static var reported: Reported<Value> { get }
}

/// `formation … REF [--format text|json|html] [-o FILE]`: one reference in, one document out, on
/// stdout or into a file through the one output path.
struct ReportCommand<Kind: Reportable>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Kind.reported.name, abstract: Help.text(Kind.reported.abstract))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: Kind.argument.argumentHelp) var reference: String
    @OptionGroup var report: ReportOptions

    func run() throws {
        let store = try global.openStore()
        let value = try Kind.reported.load(store, reference), reported = Kind.reported, language = global.language
        try report.write(text: { reported.text(value, language) }, json: { try reported.json(value) }, html: { reported.html(value, language) },
                         protecting: store.path)
    }
}
