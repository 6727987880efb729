import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// What one group's `add` takes (its arguments and options, checked in `validate()`) and the use
/// case they become.
protocol AddOptions: ParsableArguments {
    static var abstract: HelpID { get }
    func add(in store: FormationStore) throws -> Added
}

/// What an `add` made: the new ids, printed on stdout for scripts, and what it has to say once the
/// change itself is said (forced conflicts, likely duplicates).
struct Added {
    let ids: [EntityID]
    var notices: (Language) -> [String] = { _ in [] }
}

/// `formation <group> add …`: every group's add writes through its use case, says the change on
/// stderr, then its notices, and prints the new ids.
struct AddCommand<Options: AddOptions>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "add", abstract: Help.text(Options.abstract))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: Options

    func run() throws {
        let store = try global.openStore(writes: true)
        let added = try options.add(in: store)
        SaidChange.last(store, global.language)
        for notice in added.notices(global.language) { Terminal.notice(notice) }
        for id in added.ids { try Terminal.data(id.rawValue) }
    }
}
