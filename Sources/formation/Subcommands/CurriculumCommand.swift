import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

struct CurriculumCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "curriculum", abstract: Help.text(.helpCurriculum),
                             subcommands: [List.self, Show.self, Export.self, Diff.self])
    }
}
