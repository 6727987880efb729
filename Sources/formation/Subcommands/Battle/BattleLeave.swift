import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation battle leave B P…` (`MembershipCommand<BattleLeaving>`): people off the battle's roster.
enum BattleLeaving: MembershipChange {
    static var membership: Membership<NoOptions> {
        Membership(name: "leave", abstract: .helpBattleLeave, owner: .battle, members: .rosterPeople, missing: .helpRosterMissing) { store, battle, people, _ in
            try Scheduling(store: store).leave(battle: battle, people: people).map(\.message)
        }
    }
}
