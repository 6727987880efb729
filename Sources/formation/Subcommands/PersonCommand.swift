import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

struct PersonCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "person", abstract: Help.text(.helpPerson),
                             subcommands: [AddCommand<PersonAdding>.self, ReadCommand<PersonListing>.self, ShowCommand<PersonShown>.self, EditCommand<PersonEdits>.self, Merge.self, RemoveCommand<PersonRemoval>.self, MembershipCommand<PersonQualifying>.self, MembershipCommand<PersonUnqualifying>.self])
    }
}
