import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation person qualify P WORKSHOP… [--note TEXT] [--by P]` (`MembershipCommand<PersonQualifying>`):
/// prior learning recognised.
enum PersonQualifying: MembershipChange {
    static var membership: Membership<QualifyNote> {
        Membership(name: "qualify", abstract: .helpPersonQualify, owner: .person, members: .qualifyWorkshops, missing: .helpQualifyMissing) { store, person, workshops, note in
            try Qualifications(store: store).qualify(person: person, workshops: workshops, note: note.note, by: note.by).map(\.message)
        }
    }
}
