import Testing
@testable import FormationDomain

/// Issue 19's rules one by one, each triggered and not: prior learning, planned prerequisites, a
/// session shorter than its workshop, a held session below its minimum.
@Suite struct PlanningRulesTests {
    let rules = ScheduleRulesTests()
    var ana: EntityID { rules.ana }
    var beto: EntityID { rules.beto }
    let lines = try! WorkshopRef(parsing: "drawing/lines")

    func conflicts(_ experience: Experience, minutes: Int = 0, minimum: Int = 0, attended: Int? = nil,
                   from: Int64 = 9, to: Int64 = 11) -> [ScheduleConflict] {
        var context = rules.context(bookings: [(ana, .facilitator), (beto, .participant)], taught: [:])
        context.experience = experience
        context.minutes = minutes
        context.minParticipants = minimum
        context.attendedParticipants = attended
        return ScheduleRules.conflicts(of: rules.session(100, from: from, to: to), in: context)
    }

    @Test func priorLearningCountsForTeachingAndForPrerequisitesAtAnyInstant() {
        var none = Experience()
        none.addAttended(beto, lines, end: 0)
        #expect(conflicts(none) == [.inexperiencedFacilitator(person: ana, workshop: rules.ref)])
        var qualified = none
        qualified.addQualified(ana, rules.ref)
        #expect(conflicts(qualified).isEmpty)
        var learner = Experience()
        learner.addQualified(ana, rules.ref)
        #expect(conflicts(learner) == [.missingPrerequisite(person: beto, prerequisite: lines)])
        learner.addQualified(beto, lines)
        #expect(conflicts(learner).isEmpty)
        #expect(learner.knew(beto, lines, by: .min))
    }

    @Test func aRegistrationInAnEarlierSessionMeetsAPrerequisiteForPlanning() {
        var experience = Experience()
        experience.addQualified(ana, rules.ref)
        let earlier = ScheduleRulesTests.EntityIDFor(90)
        // Registered in a session ending at 9:00, when this one starts: planned, no conflict.
        experience.addPlanned(beto, lines, session: earlier, end: rules.day0 + 9 * rules.hour)
        #expect(conflicts(experience).isEmpty)
        #expect(experience.plannedIn(beto, lines, by: rules.day0 + 9 * rules.hour) == earlier)
        // One ending after this one starts does not count.
        var late = Experience()
        late.addQualified(ana, rules.ref)
        late.addPlanned(beto, lines, session: earlier, end: rules.day0 + 10 * rules.hour)
        #expect(conflicts(late) == [.missingPrerequisite(person: beto, prerequisite: lines)])
    }

    @Test func aSessionShorterThanItsWorkshopIsSoftAndRecorded() {
        var experience = Experience()
        experience.addQualified(ana, rules.ref)
        experience.addQualified(beto, lines)
        #expect(conflicts(experience, minutes: 120).isEmpty)
        let short = conflicts(experience, minutes: 180)
        #expect(short == [.shortSession(minutes: 120, workshopMinutes: 180)])
        #expect(!short[0].isHard && short[0].isRecorded && short[0].kind.refuses)
        #expect(short[0].message(PersonNames()).text(.en) == "the session lasts 120 min, less than the workshop's 180 min")
        #expect(short[0].message(PersonNames()).text(.es) == "la sesión dura 120 min, menos que los 180 min del taller")
    }

    @Test func aHeldSessionBelowItsMinimumIsShownNeverRefusedNorRecorded() {
        var experience = Experience()
        experience.addQualified(ana, rules.ref)
        experience.addQualified(beto, lines)
        // Not held yet (nil), or enough came: nothing.
        #expect(conflicts(experience, minimum: 3).isEmpty)
        #expect(conflicts(experience, minimum: 3, attended: 3).isEmpty)
        let below = conflicts(experience, minimum: 3, attended: 1)
        #expect(below == [.belowMinimum(participants: 1, minimum: 3)])
        #expect(!below[0].isHard && !below[0].isRecorded && !below[0].kind.refuses)
    }

    @Test func theEngineListsPrerequisitesOnlyPlanned() throws {
        struct UTC: BattleCalendar {
            func local(_ instant: Int64) -> LocalDateTime { try! LocalDateTime(parsing: "2026-12-01 00:00") }
            func label(start: Int64, end: Int64) -> String { "\(start)" }
        }
        let first = rules.session(90, from: 7, to: 9), second = rules.session(100, from: 9, to: 11)
        let judged = [first, second].map { session in
            BattleSchedule.Judged(session: session, bookings: [.init(person: ana, role: .facilitator), .init(person: beto, role: .participant)],
                                  everyone: [], maxParticipants: 10, prerequisites: session == second ? [lines] : [])
        }
        var experience = Experience()
        experience.addPlanned(beto, lines, session: first.id, end: first.end)
        let schedule = BattleSchedule(battle: rules.battle, judged: judged, others: [], shifts: [:], experience: experience,
                                      names: PersonNames([beto: "Beto"]))
        let planned = ConflictEngine.plannedPrerequisites(in: schedule, calendar: UTC())
        #expect(planned.map(\.person) == [beto])
        #expect(planned.first?.plannedIn.id == first.id && planned.first?.session.id == second.id)
        #expect(planned.first?.message(schedule.names).text(.en).hasPrefix("Beto: drawing/lines only planned, registered in") == true)
        // Attended for real: nothing left only planned.
        var real = schedule
        real.experience.addAttended(beto, lines, end: first.end)
        #expect(ConflictEngine.plannedPrerequisites(in: real, calendar: UTC()).isEmpty)
    }
}
