import FormationDomain

/// Small positive integers derived from UUIDs, for formats that want numeric ids (schedule.xml's
/// event and person ids): the same UUID gives the same number in every export, and collisions
/// within one export are settled deterministically.
struct StableNumbers {
    private var assigned: [EntityID: Int] = [:]
    private var used = Set<Int>()

    init(_ ids: some Sequence<EntityID>) {
        for id in Set(ids).sorted() {
            var number = Int(id.rawValue.prefix(7), radix: 16).map { $0 + 1 } ?? 1
            while used.contains(number) { number += 1 }
            used.insert(number)
            assigned[id] = number
        }
    }

    subscript(id: EntityID) -> Int { assigned[id] ?? 0 }
}
