import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews
import Foundation

extension BattleCommand {
    /// `formation battle pin B`: sets the PIN the board asks facilitators for before any write.
    ///
    /// The PIN is never an argument (it would stay in the shell's history and in `ps`): it is read
    /// from the terminal without echo, or as one line of standard input when that is not a terminal.
    struct Pin: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "pin", abstract: Help.text(.helpBattlePin)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpBattleRef), valueName: "battle")) var battle: String

        func run() throws {
            let language = global.language
            let store = try global.openStore(writes: true)
            let pin: String
            if isatty(STDIN_FILENO) == 1 {
                let prompt = Message(.pinPrompt, battle).text(language)
                pin = getpass(prompt).map { String(cString: $0) } ?? ""
            } else {
                pin = readLine(strippingNewline: true) ?? ""
            }
            let (entry, milliseconds) = try FacilitatorPIN(store: store).set(battle: battle, pin: pin.trimmingCharacters(in: .whitespaces))
            Terminal.standardError(Message(.pinSet, entry.battle.name, String(milliseconds)).text(language))
        }
    }
}
