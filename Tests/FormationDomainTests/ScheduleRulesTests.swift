import Testing
@testable import FormationDomain

/// The conflict rules one by one, on a battle from 2026-12-01 to 2026-12-05.
@Suite struct ScheduleRulesTests {
    static func format(_ n: Int) -> String { let s = String(n); return String(repeating: "0", count: 12 - s.count) + s }
    static func EntityIDFor(_ n: Int) -> EntityID { EntityID(trusted: "00000000-0000-4000-8000-" + format(n)) }

    let battle = try! Battle(id: EntityIDFor(1), name: "B", plant: EntityIDFor(2), start: CivilDate(iso: "2026-12-01"),
                             end: CivilDate(iso: "2026-12-05"), timeZone: "UTC")
    let ref = try! WorkshopRef(parsing: "drawing/dims")
    let ana = EntityIDFor(10), beto = EntityIDFor(11), carla = EntityIDFor(12)
    let hour: Int64 = 3600
    let day0: Int64 = 1_796_083_200 // 2026-12-01 00:00 UTC

    func session(_ n: Int, from: Int64, to: Int64, place: String = "Taller", battle: EntityID? = nil) -> Session {
        try! Session(id: Self.EntityIDFor(n), battle: battle ?? self.battle.id, workshop: ref, start: day0 + from * hour,
                     end: day0 + to * hour, place: place)
    }

    var names: PersonNames { PersonNames([ana: "Ana", beto: "Beto", carla: "Carla"]) }

    func context(bookings: [(EntityID, Role)], neighbours: [ScheduleContext.Neighbour] = [], shifts: [ScheduleContext.ShiftSpan] = [],
                 attended: [EntityID: Set<WorkshopRef>] = [:], taught: [EntityID: Set<WorkshopRef>]? = nil,
                 firstDay: String = "2026-12-01", lastDay: String = "2026-12-01", max: Int = 10) -> ScheduleContext {
        let facilitators = bookings.filter { $0.1 == .facilitator }.map(\.0)
        // What they knew, from sessions that ended the day before the battle.
        var experience = Experience()
        let before = day0 - 24 * hour
        for (person, refs) in attended { for ref in refs { experience.addAttended(person, ref, end: before) } }
        for (person, refs) in taught ?? Dictionary(uniqueKeysWithValues: facilitators.map { ($0, [ref]) }) {
            for ref in refs { experience.addTaught(person, ref, end: before) }
        }
        return ScheduleContext(
            battle: battle, firstDay: try! CivilDate(iso: firstDay), lastDay: try! CivilDate(iso: lastDay), maxParticipants: max,
            workshopRef: ref, prerequisites: [try! WorkshopRef(parsing: "drawing/lines")],
            bookings: bookings.map { .init(person: $0.0, role: $0.1) },
            neighbours: neighbours, shifts: shifts,
            experience: experience)
    }

    var knowsLines: Set<WorkshopRef> { [try! WorkshopRef(parsing: "drawing/lines")] }

    @Test func aCleanSessionHasNoConflict() {
        let s = session(100, from: 9, to: 11)
        #expect(ScheduleRules.conflicts(of: s, in: context(bookings: [(ana, .facilitator), (beto, .participant)], attended: [beto: knowsLines])).isEmpty)
    }

    @Test func personInTwoOverlappingSessionsIsHardAndNamesTheOtherSession() {
        let s = session(100, from: 9, to: 11)
        let other = session(101, from: 10, to: 12, place: "Patio")
        let label = SessionLabel(id: other.id, workshop: "drawing/lines", place: "Patio", when: "2026-12-01 10:00–12:00")
        let conflicts = ScheduleRules.conflicts(of: s, in: context(bookings: [(ana, .facilitator), (beto, .participant)],
            neighbours: [.init(session: other, label: label, people: [beto])], attended: [beto: knowsLines]))
        #expect(conflicts == [.personDoubleBooked(person: beto, otherSession: label)])
        #expect(conflicts[0].isHard)
        #expect(conflicts[0].message(names).text(.en).contains("drawing/lines @ Patio, 2026-12-01 10:00–12:00"))
    }

    @Test func touchingSessionsDoNotOverlap() {
        let s = session(100, from: 9, to: 11)
        let other = session(101, from: 11, to: 12)
        let label = SessionLabel(id: other.id, workshop: "x", place: "Taller", when: "")
        #expect(ScheduleRules.conflicts(of: s, in: context(bookings: [(ana, .facilitator)],
            neighbours: [.init(session: other, label: label, people: [ana])])).isEmpty)
    }

    @Test func cancelledSessionsFreeTheirPeopleAndPlace() {
        let s = session(100, from: 9, to: 11)
        var other = session(101, from: 9, to: 11)
        other.cancelled = true
        let label = SessionLabel(id: other.id, workshop: "x", place: "Taller", when: "")
        #expect(ScheduleRules.conflicts(of: s, in: context(bookings: [(ana, .facilitator)],
            neighbours: [.init(session: other, label: label, people: [ana])])).isEmpty)
    }

    @Test func outsideTheBattleIsHard() {
        let conflicts = ScheduleRules.conflicts(of: session(100, from: 9, to: 11),
                                               in: context(bookings: [(ana, .facilitator)], firstDay: "2026-12-05", lastDay: "2026-12-06"))
        #expect(conflicts == [.outsideBattle(battleStart: battle.start, battleEnd: battle.end)])
        #expect(conflicts[0].isHard)
    }

    @Test func placeUsedTwiceIsSoft() {
        let s = session(100, from: 9, to: 11, place: "Patio de secado")
        let other = session(101, from: 10, to: 12, place: "patio de secado")
        let label = SessionLabel(id: other.id, workshop: "x", place: "patio de secado", when: "")
        let conflicts = ScheduleRules.conflicts(of: s, in: context(bookings: [(ana, .facilitator)],
            neighbours: [.init(session: other, label: label, people: [carla])]))
        #expect(conflicts == [.placeDoubleBooked(place: "Patio de secado", otherSession: label)])
        #expect(!conflicts[0].isHard)
    }

    @Test func participantOnShiftIsSoft() {
        let six = try! LocalDateTime(parsing: "2026-12-01 06:00"), ten = try! LocalDateTime(parsing: "2026-12-01 10:00")
        let shift = ScheduleContext.ShiftSpan(person: beto, start: day0 + 6 * hour, end: day0 + 10 * hour, localStart: six, localEnd: ten)
        let conflicts = ScheduleRules.conflicts(of: session(100, from: 9, to: 11),
            in: context(bookings: [(ana, .facilitator), (beto, .participant)], shifts: [shift], attended: [beto: knowsLines]))
        #expect(conflicts == [.onShift(person: beto, shiftStart: six, shiftEnd: ten)])
        #expect(conflicts[0].message(names).text(.en) == "Beto is on a repair shift from 2026-12-01 06:00 to 2026-12-01 10:00")
    }

    @Test func missingPrerequisiteIsSoft() {
        let conflicts = ScheduleRules.conflicts(of: session(100, from: 9, to: 11), in: context(bookings: [(ana, .facilitator), (beto, .participant)]))
        #expect(conflicts == [.missingPrerequisite(person: beto, prerequisite: try! WorkshopRef(parsing: "drawing/lines"))])
    }

    @Test func tooManyParticipantsIsSoft() {
        let conflicts = ScheduleRules.conflicts(of: session(100, from: 9, to: 11),
            in: context(bookings: [(ana, .facilitator), (beto, .participant), (carla, .participant)],
                        attended: [beto: knowsLines, carla: knowsLines], max: 1))
        #expect(conflicts == [.overCapacity(participants: 2, maximum: 1)])
    }

    @Test func facilitatorWhoNeverAttendedNorTaughtIsSoft() {
        let conflicts = ScheduleRules.conflicts(of: session(100, from: 9, to: 11), in: context(bookings: [(ana, .facilitator)], taught: [:]))
        #expect(conflicts == [.inexperiencedFacilitator(person: ana, workshop: ref)])
        let attendedBefore = ScheduleRules.conflicts(of: session(100, from: 9, to: 11),
                                                    in: context(bookings: [(ana, .facilitator)], attended: [ana: [ref]], taught: [:]))
        #expect(attendedBefore.isEmpty)
    }

    /// Experience counts from the end of the session that gave it, judged at the start of
    /// the session being checked; the session itself, or one that ends later, never counts.
    @Test func experienceIsJudgedAsOfTheSessionsStart() {
        let s = session(100, from: 9, to: 11)
        var base = context(bookings: [(ana, .facilitator), (beto, .participant)], taught: [:])
        let lines = try! WorkshopRef(parsing: "drawing/lines")
        func conflicts(_ experience: Experience) -> [ScheduleConflict] {
            base.experience = experience
            return ScheduleRules.conflicts(of: s, in: base)
        }
        let missing: [ScheduleConflict] = [.missingPrerequisite(person: beto, prerequisite: try! WorkshopRef(parsing: "drawing/lines")),
                                           .inexperiencedFacilitator(person: ana, workshop: ref)]
        // Taught this very session (ends at 11:00), or attended a session ending after 9:00: not yet.
        var later = Experience()
        later.addTaught(ana, ref, end: s.end)
        later.addAttended(beto, lines, end: s.start + 1)
        #expect(conflicts(later) == missing)
        // Ended exactly when this one starts: counts.
        var atStart = Experience()
        atStart.addTaught(ana, ref, end: s.start)
        atStart.addAttended(beto, lines, end: s.start)
        #expect(conflicts(atStart).isEmpty)
        // Having taught a prerequisite meets it; having attended a workshop lets one teach it.
        var crossed = Experience()
        crossed.addAttended(ana, ref, end: s.start - hour)
        crossed.addTaught(beto, lines, end: s.start - hour)
        #expect(conflicts(crossed).isEmpty)
        // The earliest session is what counts, whatever order they are added in.
        var both = Experience()
        both.addTaught(ana, ref, end: s.end + 48 * hour)
        both.addTaught(ana, ref, end: s.start - hour)
        both.addAttended(beto, lines, end: s.start - hour)
        #expect(conflicts(both).isEmpty)
    }

    @Test func parsesLocalTimes() throws {
        #expect(try LocalDateTime(parsing: "2026-12-01 07:30").description == "2026-12-01 07:30")
        #expect(try LocalDateTime(parsing: "2026-12-01T7:05").clock == "07:05")
        for bad in ["2026-12-01", "2026-12-01 24:00", "2026-12-01 10:60", "2026-12-01 10", "2026-13-01 10:00", "ayer 10:00", "2026-12-01 ١٠:00"] {
            #expect(throws: DomainError.invalidDateTime(bad)) { try LocalDateTime(parsing: bad) }
        }
    }
}

/// What one session lists stays short however many sessions overlap it.
@Suite struct ScheduleRulesListingTests {
    let base = ScheduleRulesTests()

    @Test func doubleBookingsAndThePlaceAreListedUpToTheLimitThenCounted() {
        let s = base.session(100, from: 9, to: 11)
        let neighbours = (0..<25).map { n -> ScheduleContext.Neighbour in
            let other = base.session(200 + n, from: 9, to: 11)
            return .init(session: other, label: SessionLabel(id: other.id, workshop: "drawing/dims", place: "Taller", when: "09:00–11:00"),
                         people: [base.ana])
        }
        var context = base.context(bookings: [(base.ana, .facilitator)], neighbours: neighbours)
        var conflicts = ScheduleRules.conflicts(of: s, in: context)
        #expect(conflicts.filter { $0.kind == .personDoubleBooked }.count == ScheduleRules.listedPerKind)
        #expect(conflicts.filter { $0.kind == .placeDoubleBooked }.count == ScheduleRules.listedPerKind)
        #expect(conflicts.contains(.personDoubleBookedMore(person: base.ana, sessions: 15)))
        #expect(conflicts.contains(.placeDoubleBookedMore(place: "Taller", sessions: 15)))
        #expect(ScheduleConflict.personDoubleBookedMore(person: base.ana, sessions: 15).isHard)
        #expect(!ScheduleConflict.placeDoubleBookedMore(place: "Taller", sessions: 15).isRecorded)

        // Sessions the caller counted without passing them add to the counts.
        context.unlisted.people[base.ana] = 100
        context.unlisted.place = 7
        conflicts = ScheduleRules.conflicts(of: s, in: context)
        #expect(conflicts.contains(.personDoubleBookedMore(person: base.ana, sessions: 115)))
        #expect(conflicts.contains(.placeDoubleBookedMore(place: "Taller", sessions: 22)))
        #expect(conflicts.first { $0.kind == .personDoubleBookedMore }?.message(base.names).text(.es) == "Ana está además en 115 sesiones más a esa hora (no listadas)")
    }
}
