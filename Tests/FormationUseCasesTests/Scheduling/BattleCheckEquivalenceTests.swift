import Foundation
import Testing
import FormationDomain
import FormationStorage
@testable import FormationUseCases

/// One conflict engine, fed two ways: `battle check` and `battle report` load a whole battle at once,
/// `session add` and `attend` one session with what is stored around it. Both loads must make the
/// engine find the same conflicts, on a battle with every kind of conflict.
@Suite struct BattleCheckEquivalenceTests {
    /// 2026-12-01 00:00 in Caracas (UTC-4).
    static let day0: Int64 = 1_796_097_600
    static let hour: Int64 = 3600
    /// The present of the test: 2026-12-03 00:00 in Caracas; sessions before it were held.
    static let now = day0 + 48 * hour

    struct Scenario {
        let store: FormationStore
        let people: [EntityID]
        let names: [String]
        let amuay: EntityID, gaviota: EntityID

        var scheduling: Scheduling { Scheduling(store: store) }
    }

    /// Two battles at the same time (Amuay and La Gaviota), one held in 2025, 21 people; sessions,
    /// participations and shifts written straight to the store, past the rules, so that hard conflicts exist too.
    func scenario() throws -> Scenario {
        let store = try BattleFixture(empty: ()).store
        let programme = Programme(store: store)
        for plant in ["Amuay", "La Gaviota"] { _ = try programme.addPlant(name: plant, state: "Falcón", sector: nil, ownership: .state) }
        let names = (0..<21).map { String(format: "Persona %02d", $0) }
        for name in names { _ = try programme.addPerson(name: name, plant: "Amuay", retired: false, sector: nil) }
        for (battle, plant, start, end) in [("Batalla de Amuay", "Amuay", "2026-12-01", "2026-12-05"),
                                            ("Batalla de La Gaviota", "La Gaviota", "2026-12-01", "2026-12-05"),
                                            ("Batalla pasada", "Amuay", "2025-03-10", "2025-03-12")] {
            _ = try programme.addBattle(name: battle, plant: plant, start: start, end: end, timeZone: "America/Caracas")
        }
        let people = try names.map { try store.resolve(.person, $0) }
        let amuay = try store.resolve(.battle, "Batalla de Amuay"), gaviota = try store.resolve(.battle, "Batalla de La Gaviota")
        let past = try store.resolve(.battle, "Batalla pasada")
        let h = Self.hour, d0 = Self.day0

        func session(_ battle: EntityID, _ workshop: String, _ from: Int64, _ to: Int64, _ place: String, cancelled: Bool = false,
                     _ bookings: [(Int, Role, AttendanceStatus)], _ tx: ScheduleTransaction) throws {
            let session = Session(stored: .random(), battle: battle, workshop: try WorkshopRef(parsing: workshop), start: from, end: to,
                                  place: place, cancelled: cancelled)
            try tx.insert(session)
            for (person, role, status) in bookings {
                try tx.upsert(Participation(session: session.id, person: people[person], role: role, status: status))
            }
        }
        let pastDay: Int64 = 1_741_608_000   // 2025-03-10 08:00 in Caracas
        try store.inScheduleTransaction { tx in
            // Last year: 0 taught lockout-tagout; 1–5 learned proportion by eye, 6 missed it.
            try session(past, "plant-maintenance/lockout-tagout", pastDay + h, pastDay + 4 * h, "Patio", [(0, .facilitator, .attended), (18, .participant, .attended)], tx)
            try session(past, "freehand-drawing/proportion-by-eye", pastDay + 5 * h, pastDay + 7 * h, "Taller",
                        [(19, .facilitator, .attended)] + (1...5).map { ($0, .participant, .attended) } + [(6, .participant, .absent)], tx)

            // Amuay. Views needs proportion by eye; 18 participants, 2 absent: 17 for 16 places.
            try session(amuay, "freehand-drawing/orthographic-views", d0 + 9 * h, d0 + 11 * h, "Taller",
                        [(0, .facilitator, .attended)] + (Array(1...17) + [20]).map { ($0, .participant, $0 == 2 ? .absent : .attended) }, tx)
            // Same place in another case, same time; 3 is in both; 18 on a shift; 19 learned nothing here yet.
            try session(amuay, "plant-maintenance/lockout-tagout", d0 + 10 * h, d0 + 12 * h, "taller",
                        [(3, .facilitator, .registered), (18, .participant, .attended), (17, .participant, .registered)], tx)
            // Still to come: 19 never attended nor taught it; 1 lacks lockout-tagout, 18 has it.
            try session(amuay, "plant-maintenance/diagnosing-a-stopped-line", d0 + 72 * h, d0 + 75 * h, "Nave",
                        [(19, .facilitator, .registered), (1, .participant, .registered), (18, .participant, .registered)], tx)
            // The day before the battle: outside it; 4 teaches for the first time.
            try session(amuay, "freehand-drawing/proportion-by-eye", d0 - 15 * h, d0 - 13 * h, "Taller", [(4, .facilitator, .attended), (6, .participant, .attended)], tx)
            // Cancelled at the same time as the first: frees its people and place.
            try session(amuay, "freehand-drawing/proportion-by-eye", d0 + 9 * h, d0 + 11 * h, "Taller", cancelled: true,
                        [(5, .facilitator, .registered), (1, .participant, .registered)], tx)
            // Touching the first (ends when it starts): no overlap.
            try session(amuay, "freehand-drawing/proportion-by-eye", d0 + 7 * h, d0 + 9 * h, "Taller", [(19, .facilitator, .attended), (1, .participant, .attended)], tx)

            // La Gaviota at the same time: 7 is in both battles; 8 is marked absent there but still counts as
            // booked there (the session-by-session check counts everyone in the other session).
            try session(gaviota, "plant-maintenance/lockout-tagout", d0 + 9 * h + 1800, d0 + 10 * h + 1800, "Taller",
                        [(0, .facilitator, .registered), (7, .participant, .registered), (8, .participant, .absent)], tx)
            // A long session of La Gaviota starting the evening before, overlapping Amuay's morning.
            try session(gaviota, "freehand-drawing/proportion-by-eye", d0 - 5 * h, d0 + 10 * h - 1800, "Patio", [(9, .participant, .registered)], tx)

            // Shifts: 18 on one over lockout-tagout (booked in La Gaviota's plan), 5 on one that ends as views starts.
            try tx.insert(Shift(stored: .random(), battle: gaviota, person: people[18], start: d0 + 11 * h, end: d0 + 14 * h))
            try tx.insert(Shift(stored: .random(), battle: amuay, person: people[5], start: d0 + 6 * h, end: d0 + 9 * h))
            try tx.insert(Shift(stored: .random(), battle: amuay, person: people[10], start: d0 + 8 * h, end: d0 + 10 * h))
        }
        return Scenario(store: store, people: people, names: names, amuay: amuay, gaviota: gaviota)
    }

    @Test func batchedCheckFindsWhatTheSessionBySessionCheckFinds() throws {
        let s = try scenario()
        for battle in [s.amuay, s.gaviota] {
            let reference = try s.scheduling.checkSessionBySession(battle: battle.rawValue)
            let batched = try s.scheduling.check(battle: battle.rawValue)
            expectSameJudgement(batched, reference, "battle \(battle)")
        }
        let kinds = Set(try s.scheduling.check(battle: s.amuay.rawValue).flatMap { $0.conflicts.map(\.kind) })
        #expect(kinds == [.personDoubleBooked, .outsideBattle, .placeDoubleBooked, .onShift, .missingPrerequisite,
                          .overCapacity, .inexperiencedFacilitator, .shortSession, .belowMinimum])
        // The other battle sees the double booking from its side too.
        let gaviota = try s.scheduling.check(battle: s.gaviota.rawValue).flatMap { $0.conflicts.map(\.kind) }
        #expect(gaviota.contains(.personDoubleBooked))
    }

    @Test func reportShowsTheSameConflictsAndFindsNewFacilitatorsFromTheSameRead() throws {
        let s = try scenario()
        let reference = try s.scheduling.checkSessionBySession(battle: s.amuay.rawValue)
        let report = try BattleReport.load(s.store, battle: s.amuay.rawValue, now: Self.now)
        #expect(report.conflicts.map(\.session) == reference.map(\.session))
        #expect(report.conflicts.map { $0.conflicts.map(\.conflict) } == reference.map(\.conflicts))
        #expect(report.conflicts.map(\.label) == reference.map(\.label))
        // 0 taught last year and 19 taught proportion by eye last year; 3 and 4 teach for the first time.
        // (19's session still to come does not count; 5's session was cancelled.)
        #expect(report.newFacilitators.map(\.name) == [s.names[3], s.names[4]])
        // Titles and categories come from a query reading only the title out of the content: the same as
        // the whole workshop decoded.
        for tally in report.workshops {
            let stored = try #require(try s.store.reading { tx in try tx.workshopEntry(tally.workshop) })
            #expect(tally.title == stored.workshop.title && tally.category == stored.workshop.category, "\(tally.workshop)")
            #expect(tally.title.languages == ["en", "es"])
        }
        #expect(report.workshops.first { $0.workshop.description == "plant-maintenance/lockout-tagout" }?.category == .safety)
    }

    /// The batched check must still find what the session-by-session one finds when it lists only
    /// some neighbours: sessions crowding one person and one place, across two battles, some only
    /// touching, one cancelled, places differing only in case.
    @Test func theBatchedCheckMatchesTheReferenceWhenItCountsInsteadOfListing() throws {
        let s = try scenario()
        let h = Self.hour, d0 = Self.day0 + 72 * h
        try s.store.inScheduleTransaction { tx in
            for n in 0..<30 {
                let battle = n % 7 == 0 ? s.gaviota : s.amuay
                let from = d0 + Int64(n % 5) * 1800, to = from + (n % 3 == 0 ? 1800 : 2 * h)
                let session = Session(stored: .random(), battle: battle, workshop: try WorkshopRef(parsing: "freehand-drawing/proportion-by-eye"),
                                      start: from, end: to, place: n % 2 == 0 ? "Nave" : "nave", cancelled: n == 11)
                try tx.insert(session)
                try tx.upsert(Participation(session: session.id, person: s.people[0], role: .facilitator, status: .registered))
                if n % 4 == 0 {
                    try tx.upsert(Participation(session: session.id, person: s.people[1], role: .participant, status: n % 8 == 0 ? .absent : .attended))
                }
            }
        }
        for battle in [s.amuay, s.gaviota] {
            let reference = try s.scheduling.checkSessionBySession(battle: battle.rawValue)
            let batched = try s.scheduling.check(battle: battle.rawValue)
            expectSameJudgement(batched, reference, "battle \(battle)")
            #expect(batched.contains { $0.conflicts.contains { $0.kind == .personDoubleBookedMore } })
        }
        let amuay = try s.scheduling.check(battle: s.amuay.rawValue).flatMap(\.conflicts)
        #expect(amuay.contains { $0.kind == .placeDoubleBookedMore })
    }
}

/// The same sessions, labels and conflicts; each load names the people it read, so names may differ.
func expectSameJudgement(_ batched: [SessionConflicts], _ reference: [SessionConflicts], _ comment: Comment,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(batched.map(\.session) == reference.map(\.session), comment, sourceLocation: sourceLocation)
    #expect(batched.map(\.label) == reference.map(\.label), comment, sourceLocation: sourceLocation)
    #expect(batched.map(\.conflicts) == reference.map(\.conflicts), comment, sourceLocation: sourceLocation)
}

extension Scheduling {
    /// `check(battle:)` with each session judged alone, loaded as `session add` and `attend` load
    /// the session they judge: the reference the whole-battle load is held to.
    func checkSessionBySession(battle: String) throws -> [SessionConflicts] {
        let battleID = try store.resolve(.battle, battle)
        return try store.reading { tx in
            guard let battle = try tx.battle(battleID) else { return [] }
            let clock = try LocalClock(timeZone: battle.timeZone)
            return try tx.sessionsWithNames(ofBattle: battleID).filter { !$0.session.cancelled }.compactMap { entry in
                try conflicts(of: entry.session, bookings: Self.bookings(entry.people),
                              everyone: Set(entry.people.map(\.participation.person)), attendance: entry.people, battle: battle, clock: clock, tx)
            }
        }
    }
}
