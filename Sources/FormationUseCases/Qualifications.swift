public import FormationDomain
public import FormationStorage
internal import Foundation

/// What `person qualify` or `person unqualify` did for one workshop.
public struct QualificationOutcome: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case added
        /// Already recognised, and nothing new was given: left as it was.
        case unchanged
        /// Already recognised: its note or voucher replaced.
        case updated
        case withdrawn
        /// `unqualify` of a workshop the person had no recognition in.
        case absent
    }

    public let person: PersonName
    public let workshop: WorkshopRef
    public let change: Change
    /// The local day it was first recognised (the machine's zone), when it was.
    public let since: CivilDate?

    /// What the change says on stderr.
    public var message: Message {
        let since = self.since?.description ?? ""
        switch change {
        case .added: return Message(.qualifyDone, person.name, workshop.description)
        case .unchanged: return Message(.qualifyAlready, person.name, workshop.description, since)
        case .updated: return Message(.qualifyUpdated, person.name, workshop.description, since)
        case .withdrawn: return Message(.unqualifyDone, person.name, workshop.description)
        case .absent: return Message(.unqualifyNone, person.name, workshop.description)
        }
    }
}

/// Prior learning (`person qualify`, `person unqualify`): a person recognised to know a workshop from
/// experience outside the programme. It counts as experience for the rules at any instant
/// (`Experience`), and shows apart in histories, facilitator lists and battle records.
public struct Qualifications: Sendable {
    public let store: FormationStore

    public init(store: FormationStore) { self.store = store }

    /// Recognises `person`'s prior learning in each of `workshops` (refs, or bare ids where
    /// unambiguous), vouched for by `by` when given. One transaction.
    ///
    /// Not an error: a workshop already recognised (its date stays; a note or voucher given replaces
    /// the stored one). A retired workshop may be recognised: it stays readable for histories.
    /// - Throws: `LookupError` for a person or workshop that matches nobody or several.
    public func qualify(person: String, workshops: [String], note: String?, by: String?,
                        now: Int64 = Counting.now()) throws -> [QualificationOutcome] {
        let personID = try store.resolve(.person, person)
        let voucher = try by.map { try store.resolve(.person, $0) }
        let refs = try unique(workshops.map { try store.workshop(WorkshopRef(parsing: $0)).ref })
        let note = note.map(NameFolding.composed)
        return try store.inScheduleTransaction { tx in
            let name = try named(personID, tx)
            return try refs.map { ref in
                guard var existing = try tx.qualification(personID, ref) else {
                    try tx.save(Qualification(person: personID, workshop: ref, recorded: now, by: voucher, note: note))
                    return QualificationOutcome(person: name, workshop: ref, change: .added, since: day(now))
                }
                guard note != nil || voucher != nil else {
                    return QualificationOutcome(person: name, workshop: ref, change: .unchanged, since: day(existing.recorded))
                }
                existing = Qualification(person: personID, workshop: ref, recorded: existing.recorded, by: voucher ?? existing.by,
                                         note: note ?? existing.note)
                try tx.save(existing)
                return QualificationOutcome(person: name, workshop: ref, change: .updated, since: day(existing.recorded))
            }
        }
    }

    /// Withdraws `person`'s recognition in each of `workshops`. Not an error: a workshop they had
    /// none in (said as such). One transaction.
    public func unqualify(person: String, workshops: [String]) throws -> [QualificationOutcome] {
        let personID = try store.resolve(.person, person)
        let refs = try unique(workshops.map { try store.workshop(WorkshopRef(parsing: $0)).ref })
        return try store.inScheduleTransaction { tx in
            let name = try named(personID, tx)
            return try refs.map { ref in
                let since = try tx.qualification(personID, ref).map { day($0.recorded) }
                let removed = try tx.deleteQualification(personID, ref)
                return QualificationOutcome(person: name, workshop: ref, change: removed ? .withdrawn : .absent, since: since)
            }
        }
    }

    private func named(_ id: EntityID, _ tx: ScheduleTransaction) throws -> PersonName {
        guard let name = try tx.personName(id) else { throw LookupError.notFound(kind: .person, query: id.rawValue) }
        return PersonName.named(id, name)
    }

    private func unique(_ refs: [WorkshopRef]) -> [WorkshopRef] {
        var seen = Set<WorkshopRef>()
        return refs.filter { seen.insert($0).inserted }
    }
}

/// The local day of an instant on the machine's clock: when prior learning was recognised (it
/// belongs to no battle, so to no battle's zone).
func day(_ instant: Int64) -> CivilDate {
    let zone = (try? TimeZones.validated(nil)) ?? "UTC"
    return ((try? LocalClock(timeZone: zone)) ?? (try? LocalClock(timeZone: "UTC")))?.local(instant).date
        ?? CivilDate(daysSinceEpoch: Int(instant / 86_400))
}
