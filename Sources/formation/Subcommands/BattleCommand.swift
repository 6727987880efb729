import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation battle …`: the subcommands of a shared shape are that shape's generic command over
/// this group's row (`ShowCommand<BattleChecked>` is `battle check`, in Battle/BattleCheck.swift).
struct BattleCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "battle", abstract: Help.text(.helpBattle), subcommands: [
            AddCommand<BattleAdding>.self, ListCommand<BattleListed>.self, ShowCommand<BattleShown>.self, EditCommand<BattleEdits>.self, RemoveCommand<BattleRemoval>.self,
            ShowCommand<BattleChecked>.self, ReportCommand<BattleReported>.self, Export.self, MembershipCommand<BattleJoining>.self,
            MembershipCommand<BattleLeaving>.self, ShowCommand<BattleRostered>.self, Plan.self, Pin.self,
        ])
    }
}
