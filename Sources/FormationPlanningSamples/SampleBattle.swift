public import FormationPlanning
import FormationDomain

/// Generated planning instances for tests and benchmarks: a battle at a plant in
/// America/Caracas (UTC−4, no daylight saving), learning windows 08:00–12:00 and 14:00–18:00 each
/// day, the 26 workshops of the shipped packs with their minutes, limits and prerequisite chains,
/// and a roster where about half work repair shifts. Deterministic for a given seed.
public enum SampleBattle {
    public enum Size: String, Sendable, CaseIterable {
        /// 15 people, 2 places, 3 days, the 12 first workshops.
        case small
        /// 60 people, 4 places, 5 days, 26 workshops, shifts for half the roster.
        case normal
        /// 200 people, 8 places, 5 days, 26 workshops.
        case large

        var people: Int { switch self { case .small: 15; case .normal: 60; case .large: 200 } }
        var places: Int { switch self { case .small: 2; case .normal: 4; case .large: 8 } }
        var days: Int { switch self { case .small: 3; case .normal, .large: 5 } }
        var workshops: Int { switch self { case .small: 12; case .normal, .large: 26 } }
    }

    /// The shipped packs' workshops: ref, minutes, min and max participants, prerequisites.
    static let catalogue: [(String, Int, Int, Int, [String])] = [
        ("freehand-drawing/proportion-by-eye", 120, 3, 16, []),
        ("freehand-drawing/orthographic-views", 150, 3, 16, ["freehand-drawing/proportion-by-eye"]),
        ("plant-maintenance/lockout-tagout", 180, 4, 16, []),
        ("organising-production/collective-diagnosis", 210, 8, 30, []),
        ("freehand-drawing/isometric-sketch", 120, 3, 16, ["freehand-drawing/orthographic-views"]),
        ("freehand-drawing/hidden-lines-sections", 150, 3, 16, ["freehand-drawing/orthographic-views"]),
        ("freehand-drawing/measuring-tools", 150, 3, 10, ["freehand-drawing/proportion-by-eye"]),
        ("plant-maintenance/diagnosing-a-stopped-line", 180, 4, 15, ["plant-maintenance/lockout-tagout"]),
        ("plant-maintenance/lubrication-plans", 150, 3, 12, ["plant-maintenance/lockout-tagout"]),
        ("freehand-drawing/dimensioning", 180, 3, 12, ["freehand-drawing/hidden-lines-sections", "freehand-drawing/measuring-tools"]),
        ("organising-production/forming-a-cpt", 180, 8, 24, ["organising-production/collective-diagnosis"]),
        ("organising-production/peer-facilitation", 180, 4, 12, ["organising-production/collective-diagnosis"]),
        ("freehand-drawing/standard-elements", 210, 3, 12, ["freehand-drawing/dimensioning"]),
        ("freehand-drawing/repair-order", 150, 3, 12, ["freehand-drawing/standard-elements"]),
        ("freehand-drawing/assembly-survey", 210, 4, 10, ["freehand-drawing/isometric-sketch", "freehand-drawing/standard-elements", "plant-maintenance/lockout-tagout"]),
        ("freehand-drawing/teaching-freehand-drawing", 120, 3, 8, ["freehand-drawing/repair-order", "organising-production/peer-facilitation"]),
        ("organising-production/feminist-brigades", 180, 6, 30, ["organising-production/forming-a-cpt"]),
        ("organising-production/planning-a-battle", 240, 6, 25, ["organising-production/collective-diagnosis", "plant-maintenance/diagnosing-a-stopped-line"]),
        ("organising-production/sustaining-production", 180, 6, 25, ["organising-production/forming-a-cpt", "organising-production/planning-a-battle"]),
        ("organising-production/sourcing-from-our-plants", 180, 6, 25, ["organising-production/forming-a-cpt", "freehand-drawing/dimensioning"]),
        ("plant-maintenance/bearings-and-shaft-alignment", 240, 3, 10, ["plant-maintenance/lubrication-plans", "freehand-drawing/measuring-tools"]),
        ("plant-maintenance/centrifugal-pumps-and-seals", 210, 3, 10, ["plant-maintenance/bearings-and-shaft-alignment"]),
        ("plant-maintenance/electric-motors-and-starters", 210, 3, 10, ["plant-maintenance/lockout-tagout"]),
        ("plant-maintenance/welding-safety-and-practice", 210, 2, 8, ["plant-maintenance/lockout-tagout"]),
        ("plant-maintenance/making-replacement-parts", 240, 3, 10, ["plant-maintenance/diagnosing-a-stopped-line", "freehand-drawing/dimensioning"]),
        ("plant-maintenance/restarting-a-repaired-machine", 120, 4, 16, ["plant-maintenance/diagnosing-a-stopped-line", "plant-maintenance/lubrication-plans", "plant-maintenance/electric-motors-and-starters"]),
    ]

    static let placeNames = ["Taller mecánico", "Comedor", "Sala de control", "Patio techado", "Almacén",
                             "Oficina del consejo", "Galpón 2", "Sala de calderas"]

    /// 2026-12-07 00:00 in America/Caracas (04:00 UTC), in seconds since 1970.
    public static let firstDay: Int64 = 1_796_616_000

    /// The instance of `size`, the same for the same `seed`.
    public static func instance(_ size: Size, seed: UInt64 = 1) -> PlanningInstance {
        var random = SplitMix64(seed: seed &+ UInt64(size.people))
        let hour: Int64 = 3_600
        let days = (0..<size.days).map { d in firstDay + Int64(d) * 24 * hour }
        let windows = days.flatMap { day in
            [PlanningInstance.Interval(start: day + 8 * hour, end: day + 12 * hour),
             PlanningInstance.Interval(start: day + 14 * hour, end: day + 18 * hour)]
        }
        let workshops = catalogue.prefix(size.workshops).map { entry in
            PlanningInstance.Workshop(ref: ref(entry.0), minutes: entry.1, minParticipants: entry.2, maxParticipants: entry.3,
                                      prerequisites: entry.4.map(ref))
        }
        let shifts: [(Int64, Int64)] = [(6, 12), (12, 18), (9, 15), (13, 19)]
        var people: [PlanningInstance.Person] = []
        for n in 0..<size.people {
            // Half the roster works a repair shift each day (the same crew hours all battle).
            var availability: [PlanningInstance.Interval] = []
            let shift = n % 2 == 0 ? shifts[Int(random.next() % UInt64(shifts.count))] : nil
            for day in days {
                let open = PlanningInstance.Interval(start: day + 7 * hour, end: day + 19 * hour)
                if let (from, to) = shift {
                    if from > 7 { availability.append(.init(start: open.start, end: day + from * hour)) }
                    if to < 19 { availability.append(.init(start: day + to * hour, end: open.end)) }
                } else {
                    availability.append(open)
                }
            }
            // What they know: roots often, deeper workshops when they know the prerequisites.
            var knows: Set<WorkshopRef> = []
            for entry in catalogue {
                let prerequisites = entry.4.map(ref)
                let chance: UInt64 = prerequisites.isEmpty ? 30 : (prerequisites.allSatisfy(knows.contains) ? 35 : 0)
                if random.next() % 100 < chance { knows.insert(ref(entry.0)) }
            }
            var taught: [WorkshopRef] = []
            var attended: [WorkshopRef] = []
            var qualified: [WorkshopRef] = []
            for known in knows.sorted() {
                switch random.next() % 10 {
                case 0..<3: taught.append(known)
                case 3: qualified.append(known)
                default: attended.append(known)
                }
            }
            people.append(.init(id: String(format4: n), name: "Persona \(n + 1)", availability: availability,
                                taught: taught, attended: attended, qualified: qualified))
        }
        return PlanningInstance(days: days.map { .init(start: $0, end: $0 + 24 * hour) }, windows: windows,
                                places: Array(placeNames.prefix(size.places)), people: people, workshops: workshops)
    }

    static func ref(_ text: String) -> WorkshopRef {
        let parts = text.split(separator: "/")
        return WorkshopRef(curriculum: Slug(trusted: String(parts[0])), workshop: Slug(trusted: String(parts[1])))
    }
}

extension String {
    /// `p0007`: short, sortable person ids.
    init(format4 n: Int) {
        let digits = String(n)
        self = "p" + String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }
}
