public import FormationDomain
public import FormationStorage
internal import Foundation

/// Plants, people and battles: what a facilitator registers before a battle starts.
public struct Programme: Sendable {
    public let store: FormationStore

    public init(store: FormationStore) { self.store = store }

    /// Registers a plant and returns its new id. A Venezuelan state typed without accents or in
    /// another case is stored in its one spelling (`bolivar` → `Bolívar`).
    public func addPlant(name: String, state: String, sector: String?, ownership: Ownership) throws -> EntityID {
        let plant = try Plant(id: .random(), name: NameFolding.composed(name), state: Self.canonicalState(state), sector: sector,
                              ownership: ownership)
        try store.add(plant)
        return plant.id
    }

    /// Registers a volunteer; `plant` is a name or id prefix of their home plant.
    ///
    /// - Throws: `EditRefused.duplicatePerson` when someone of the same name (in NFC, without
    ///   regard to case) is registered at the same plant already, unless `force` (two workers may
    ///   share a name).
    public func addPerson(name: String, plant: String?, retired: Bool, sector: Sector?, force: Bool = false) throws -> EntityID {
        let plantID = try plant.map { try store.resolve(.plant, $0) }
        let person = try Person(id: .random(), name: NameFolding.composed(name), plant: plantID, retired: retired, sector: sector)
        try store.inScheduleTransaction { tx in
            if !force { try Self.refuseDuplicate(person, tx) }
            try tx.insertPerson(person)
        }
        return person.id
    }

    /// Registers a battle at `plant` from `start` to `end` (inclusive), in `timeZone` (IANA) or
    /// the machine's zone.
    public func addBattle(name: String, plant: String, start: String, end: String, timeZone: String?) throws -> EntityID {
        let plantID = try store.resolve(.plant, plant)
        let zone = try TimeZones.validated(timeZone)
        let battle = try Battle(id: .random(), name: NameFolding.composed(name), plant: plantID, start: CivilDate(typed: start),
                                end: CivilDate(typed: end), timeZone: zone)
        try store.add(battle)
        return battle.id
    }
}

extension Programme {
    /// `state` in the one spelling of `VenezuelanStates` when it folds to one of them, else as typed (NFC).
    static func canonicalState(_ state: String) -> String {
        let key = NameFolding.key(state)
        return VenezuelanStates.names.first { NameFolding.key($0) == key } ?? NameFolding.composed(state)
    }
}

extension EntityID {
    /// A fresh random (version 4) UUID.
    public static func random() -> EntityID { EntityID(trusted: UUID().uuidString.lowercased()) }
}

/// IANA time zones, checked against the system's zone database.
public enum TimeZones {
    /// `name` if it is a known zone; the machine's own zone when `name` is nil.
    ///
    /// - Throws: `DomainError.invalidTimeZone` for a name the zone database lacks.
    public static func validated(_ name: String?) throws(DomainError) -> String {
        guard let name else {
            let current = TimeZone.current.identifier
            return TimeZone(identifier: current) != nil && current != "GMT" ? current : "UTC"
        }
        guard name.contains("/") || name == "UTC", TimeZone(identifier: name) != nil else {
            throw .invalidTimeZone(name)
        }
        return name
    }
}
