import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

struct BattleCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "battle", abstract: Help.text(.helpBattle), subcommands: [Add.self, List.self, Show.self, Edit.self, Remove.self, Check.self, Report.self, Export.self, Join.self, Leave.self, Roster.self, Plan.self, Pin.self])
    }
}
