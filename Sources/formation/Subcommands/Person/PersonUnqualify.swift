import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation person unqualify P WORKSHOP…` (`MembershipCommand<PersonUnqualifying>`): the recognition withdrawn.
enum PersonUnqualifying: MembershipChange {
    static var membership: Membership<NoOptions> {
        Membership(name: "unqualify", abstract: .helpPersonUnqualify, owner: .person, members: .qualifyWorkshops, missing: .helpQualifyMissing) { store, person, workshops, _ in
            try Qualifications(store: store).unqualify(person: person, workshops: workshops).map(\.message)
        }
    }
}
