import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews
import Foundation

extension SessionCommand {
    struct Cancel: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "cancel", abstract: Help.text(.helpSessionCancel)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(Help.text(.helpSessionRef))) var session: String

        func run() throws {
            let outcome = try Scheduling(store: global.openStore(writes: true)).cancel(session: session)
            let label = outcome.session
            Terminal.notice(outcome.alreadyCancelled
                ? Message(.sessionAlreadyCancelled, label.id.short, label.workshop, label.when, label.place).text(global.language)
                : Message(.sessionCancelledNow, label.id.short, label.workshop, label.when, label.place, String(outcome.people)).text(global.language))
        }
    }
}
