import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// What a read subcommand with selections of its own takes (`--battle`, `--day`, `--near`…), and
/// how it prints what they select.
protocol ReadOptions: ParsableArguments {
    static var name: String { get }
    static var abstract: HelpID { get }
    /// Prints what the options select from `store` in `format`.
    func print(from store: FormationStore, as format: OutputFormat, _ language: Language) throws
}

/// `formation <group> <name> [selections] [--format text|json]`: the selections are the command's;
/// the database, the language and the format are every read command's.
struct ReadCommand<Options: ReadOptions>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Options.name, abstract: Help.text(Options.abstract))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption
    @OptionGroup var options: Options

    func run() throws {
        try options.print(from: global.openStore(), as: output.format, global.language)
    }
}

extension OutputFormat {
    /// Runs `json` for `--format json`, else writes what `text` renders: only the one asked for is built.
    func write(json: () throws -> Void, text: () throws -> String) throws {
        switch self {
        case .json: try json()
        case .text: try Terminal.output(try text())
        }
    }
}
