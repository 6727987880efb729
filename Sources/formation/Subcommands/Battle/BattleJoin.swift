import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation battle join B P… [--from DATE] [--to DATE]` (`MembershipCommand<BattleJoining>`): people on
/// the battle's roster, for the days given or all of it.
enum BattleJoining: MembershipChange {
    static var membership: Membership<RosterDays> {
        Membership(name: "join", abstract: .helpBattleJoin, owner: .battle, members: .rosterPeople, missing: .helpRosterMissing) {
            try Scheduling(store: $0).join(battle: $1, people: $2, from: $3.from, to: $3.to).map(\.message)
        }
    }
}
