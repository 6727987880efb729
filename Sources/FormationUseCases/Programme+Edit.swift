public import FormationDomain
internal import FormationStorage

/// What `plant edit` changes; nil leaves a field as it is.
public struct PlantChanges: Sendable, Equatable {
    public var name: String?
    public var state: String?
    /// `.some(nil)` clears the sector.
    public var sector: String??
    public var ownership: Ownership?

    public init(name: String? = nil, state: String? = nil, sector: String?? = nil, ownership: Ownership? = nil) {
        self.name = name
        self.state = state
        self.sector = sector
        self.ownership = ownership
    }
}

/// What `person edit` changes; nil leaves a field as it is.
public struct PersonChanges: Sendable, Equatable {
    public var name: String?
    /// A plant's name or id; `.some(nil)` clears the home plant.
    public var plant: String??
    public var retired: Bool?
    /// `.some(nil)` clears the sector.
    public var sector: Sector??

    public init(name: String? = nil, plant: String?? = nil, retired: Bool? = nil, sector: Sector?? = nil) {
        self.name = name
        self.plant = plant
        self.retired = retired
        self.sector = sector
    }
}

extension Programme {
    /// Renames or re-describes a plant, with the rules of `addPlant`: a name no other plant has,
    /// a Venezuelan state in its one spelling.
    ///
    /// - Throws: `LookupError` (unknown plant, another plant of that name), `DomainError` (a blank name).
    public func editPlant(_ query: String, _ changes: PlantChanges) throws -> EditOutcome {
        let id = try store.resolve(.plant, query)
        return try store.inScheduleTransaction { tx in
            guard let old = try tx.plant(id) else { throw LookupError.notFound(kind: .plant, query: query) }
            let plant = try Plant(id: id, name: changes.name.map(NameFolding.composed) ?? old.name,
                                  state: changes.state.map(Self.canonicalState) ?? old.state,
                                  sector: changes.sector.map { $0.map(NameFolding.composed) } ?? old.sector,
                                  ownership: changes.ownership ?? old.ownership)
            if plant.name != old.name, let other = try tx.plant(named: plant.name, other: id) {
                throw LookupError.duplicateName(kind: .plant, name: plant.name, existing: other.short)
            }
            let text = Message.Argument.text
            let found = [
                FieldChange.of(.fieldName, old.name, plant.name, text),
                FieldChange.of(.fieldState, old.state, plant.state, text),
                FieldChange.of(.fieldSector, old.sector, plant.sector, FieldChange.optional),
                FieldChange.of(.fieldOwnership, old.ownership, plant.ownership) { .message(Message($0.messageID)) },
            ].compactMap { $0 }
            if !found.isEmpty { try tx.update(plant) }
            return EditOutcome(kind: .plant, label: plant.name, changes: found)
        }
    }

    /// Changes a person's name, home plant, retirement or sector. A new name or plant meets the
    /// rule of `addPerson`: nobody else of that name at that plant, unless `force`.
    ///
    /// - Throws: `EditRefused.duplicatePerson`, `LookupError`, `DomainError`.
    public func editPerson(_ query: String, _ changes: PersonChanges, force: Bool) throws -> EditOutcome {
        let id = try store.resolve(.person, query)
        let plantID: EntityID?? = try changes.plant.map { try $0.map { try store.resolve(.plant, $0) } }
        return try store.inScheduleTransaction { tx in
            guard let old = try tx.person(id) else { throw LookupError.notFound(kind: .person, query: query) }
            let person = try Person(id: id, name: changes.name.map(NameFolding.composed) ?? old.name, plant: plantID ?? old.plant,
                                    retired: changes.retired ?? old.retired, sector: changes.sector ?? old.sector)
            if !force, person.name != old.name || person.plant != old.plant { try Self.refuseDuplicate(person, tx) }
            let plantName = { (plant: EntityID?) throws -> Message.Argument in
                FieldChange.optional(try plant.flatMap { try tx.plantName($0) })
            }
            let found = [
                FieldChange.of(.fieldName, old.name, person.name, Message.Argument.text),
                old.plant == person.plant ? nil : FieldChange(.fieldPlant, try plantName(old.plant), try plantName(person.plant)),
                FieldChange.of(.fieldRetired, old.retired, person.retired, FieldChange.yesNo),
                FieldChange.of(.fieldSector, old.sector, person.sector) { $0.map { .message(Message($0.messageID)) } ?? .message(Message(.none)) },
            ].compactMap { $0 }
            if !found.isEmpty { try tx.update(person) }
            return EditOutcome(kind: .person, label: person.name, changes: found)
        }
    }

    /// The rule of `person add`: no one else of the same name (in NFC, without regard to case) at
    /// the same home plant (or, without one, among people without one).
    static func refuseDuplicate(_ person: Person, _ tx: ScheduleTransaction) throws {
        let key = NameFolding.caseKey(person.name)
        guard let existing = try tx.people(atPlant: person.plant, other: person.id).first(where: { NameFolding.caseKey($0.name) == key })
        else { return }
        throw EditRefused.duplicatePerson(name: existing.name, plant: try person.plant.flatMap { try tx.plantName($0) }, existing: existing.id)
    }
}

// MARK: Removing

extension Programme {
    /// Removes a plant nobody lives at and no battle was held at.
    /// - Throws: `EditRefused.referred` naming the people and battles that refer to it.
    public func removePlant(_ query: String) throws -> EditOutcome {
        try remove(.plant, query) { tx, id in
            guard let plant = try tx.plant(id) else { throw LookupError.notFound(kind: .plant, query: query) }
            let referrers = try tx.referrers(ofPlant: id)
            guard referrers.isEmpty else { throw EditRefused.referred(kind: .plant, name: plant.name, by: referrers) }
            try tx.delete(.plant, id)
            return plant.name
        }
    }

    /// Removes a person who is in no session and has no shift (someone entered by mistake).
    /// - Throws: `EditRefused.personHasHistory`: a duplicate with a history is merged instead.
    public func removePerson(_ query: String) throws -> EditOutcome {
        try remove(.person, query) { tx, id in
            guard let person = try tx.person(id) else { throw LookupError.notFound(kind: .person, query: query) }
            let referrers = try tx.referrers(ofPerson: id)
            guard referrers.isEmpty else {
                throw EditRefused.personHasHistory(name: person.name, participations: referrers.count(.participation),
                                                   shifts: referrers.count(.shift), aliases: referrers.count(.alias))
            }
            try tx.deletePerson(id)
            return person.name
        }
    }

    /// Removes a battle without sessions or shifts.
    /// - Throws: `EditRefused.referred` naming its sessions and shifts.
    public func removeBattle(_ query: String) throws -> EditOutcome {
        try remove(.battle, query) { tx, id in
            guard let battle = try tx.battle(id) else { throw LookupError.notFound(kind: .battle, query: query) }
            let referrers = try tx.referrers(ofBattle: id)
            guard referrers.isEmpty else { throw EditRefused.referred(kind: .battle, name: battle.name, by: referrers) }
            try tx.delete(.battle, id)
            return battle.name
        }
    }

    /// Resolves `query` and runs `body` (which checks, deletes and returns the name) in one transaction.
    private func remove(_ kind: EntityKind, _ query: String, _ body: (ScheduleTransaction, EntityID) throws -> String) throws -> EditOutcome {
        let id = try store.resolve(kind, query)
        return try store.inScheduleTransaction { tx in EditOutcome(kind: kind, label: try body(tx, id), changes: []) }
    }
}

extension Ownership {
    /// The ownership in words.
    public var messageID: MessageID {
        switch self {
        case .state: .ownershipState
        case .workerControlled: .ownershipWorkerControlled
        case .private: .ownershipPrivate
        }
    }
}

extension Sector {
    /// The sector in words.
    public var messageID: MessageID { self == .public ? .sectorPublic : .sectorPrivate }
}
