public import FormationDomain
import FormationStorage

/// People who are probably one person entered twice: the same name once folded (Unicode NFC,
/// case and accents, `NameFolding`) and the same home plant, or both without one. Pointed out on
/// record import and by `formation check`, never merged on a guess: two real José Rondóns may work
/// at one plant, and only someone who knows them can say (`formation person merge`).
public enum LikelyDuplicates {
    /// What two likely duplicates share.
    static func key(_ name: String, _ plant: EntityID?) -> String {
        (plant?.rawValue ?? "-") + "|" + NameFolding.key(name)
    }

    /// Each group of likely duplicates among `people` (in the order they were registered), as
    /// pairs: the one to keep (the most participations, then the first registered, usually the
    /// name as typed with care) with each of the others.
    static func pairs(_ people: [(id: EntityID, name: String, plant: EntityID?)],
                      participations: (EntityID) throws -> Int) rethrows -> [(keep: (id: EntityID, name: String), drop: (id: EntityID, name: String))] {
        var groups: [String: [(order: Int, id: EntityID, name: String)]] = [:]
        for (order, person) in people.enumerated() {
            groups[key(person.name, person.plant), default: []].append((order, person.id, person.name))
        }
        var pairs: [(keep: (id: EntityID, name: String), drop: (id: EntityID, name: String))] = []
        for group in groups.values where group.count > 1 {
            let counted = try group.map { (person: (id: $0.id, name: $0.name), order: $0.order, count: try participations($0.id)) }
                .sorted { ($1.count, $0.order) < ($0.count, $1.order) }
            for other in counted.dropFirst() { pairs.append((counted[0].person, other.person)) }
        }
        return pairs.sorted { ($0.keep.name, $0.keep.id.rawValue, $0.drop.id.rawValue) < ($1.keep.name, $1.keep.id.rawValue, $1.drop.id.rawValue) }
    }
}

extension Programme {
    /// People at the same home plant whose name folds to the same as `person`'s (accents, case):
    /// said after `person add`, which refuses only the same name written the same way.
    public func likelyDuplicates(of person: EntityID) throws -> [Message] {
        try store.reading { tx in
            guard let added = try tx.person(person) else { return [] }
            let key = LikelyDuplicates.key(added.name, added.plant)
            return try tx.people(atPlant: added.plant, other: person).filter { LikelyDuplicates.key($0.name, added.plant) == key }
                .map { Message(.possibleDuplicate, added.name, person.short, $0.name, $0.id.short) }
        }
    }
}
