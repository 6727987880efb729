import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// What tells one membership subcommand from another (`battle join`/`leave`, `person
/// qualify`/`unqualify`): the entity that gains or loses members, what the members are, the
/// options beside them, and the use case that changes them and says, per member, what it did.
struct Membership<Extra: ParsableArguments> {
    let name: String
    let abstract: HelpID
    let owner: EntityArgument
    let members: EntityArgument
    /// Said when no member is named.
    let missing: HelpID
    let change: (FormationStore, String, [String], Extra) throws -> [Message]
}

/// One membership change: its command is `MembershipCommand<ThatKind>`.
protocol MembershipChange {
    associatedtype Extra: ParsableArguments
    static var membership: Membership<Extra> { get }
}

/// `formation <group> <change> REF MEMBER… [options]`: one line on stderr per member named.
struct MembershipCommand<Kind: MembershipChange>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Kind.membership.name, abstract: Help.text(Kind.membership.abstract))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: Kind.membership.owner.argumentHelp) var owner: String
    @Argument(help: Kind.membership.members.argumentHelp) var members: [String] = []
    @OptionGroup var extra: Kind.Extra

    func validate() throws {
        if members.isEmpty { throw ValidationError(Help.text(Kind.membership.missing)) }
    }

    func run() throws {
        let messages = try Kind.membership.change(global.openStore(writes: true), owner, members, extra)
        for message in messages { Terminal.notice(message.text(global.language)) }
    }
}
