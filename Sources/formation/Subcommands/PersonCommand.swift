import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

struct PersonCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "person", abstract: Help.text(.helpPerson),
                             subcommands: [Add.self, List.self, ShowCommand<PersonShown>.self, Edit.self, Merge.self, RemoveCommand<PersonRemoval>.self, MembershipCommand<PersonQualifying>.self, MembershipCommand<PersonUnqualifying>.self])
    }
}
