import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

struct PersonCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "person", abstract: Help.text(.helpPerson),
                             subcommands: [Add.self, List.self, Show.self, Edit.self, Merge.self, Remove.self, Qualify.self, Unqualify.self])
    }
}
