import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

struct CurriculumCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "curriculum", abstract: Help.text(.helpCurriculum),
                             subcommands: [ListCommand<CurriculaListed>.self, ShowCommand<CurriculumShown>.self, Export.self, Diff.self])
    }
}
