import Testing
@testable import FormationDomain

/// The one conflict engine, pure: a whole battle judged at once finds for each session what that
/// session judged alone (against the others) finds, and names people by id.
@Suite struct ConflictEngineTests {
    /// UTC, for tests: the engine only needs local days, times and labels.
    struct UTC: BattleCalendar {
        func local(_ instant: Int64) -> LocalDateTime {
            let day = instant >= 0 ? instant / 86_400 : (instant - 86_399) / 86_400
            let seconds = instant - day * 86_400
            return (try? LocalDateTime(date: CivilDate(daysSinceEpoch: Int(day)), hour: Int(seconds / 3600), minute: Int(seconds % 3600 / 60)))
                ?? .midnight(CivilDate(daysSinceEpoch: Int(day)))
        }

        func label(start: Int64, end: Int64) -> String { "\(local(start))–\(local(end).clock)" }
    }

    let rules = ScheduleRulesTests()

    func judged(_ session: Session, _ bookings: [(EntityID, Role)]) -> BattleSchedule.Judged {
        BattleSchedule.Judged(session: session, bookings: bookings.map { .init(person: $0.0, role: $0.1) }, everyone: [],
                              maxParticipants: 1, prerequisites: [try! WorkshopRef(parsing: "lines")])
    }

    @Test func aWholeBattleAndOneSessionAtATimeFindTheSameConflicts() {
        let (ana, beto, carla) = (rules.ana, rules.beto, rules.carla)
        // Ana teaches two sessions at once in the same place; Beto and Carla crowd the second; Carla is on a shift.
        let first = judged(rules.session(100, from: 9, to: 11), [(ana, .facilitator), (beto, .participant)])
        let second = judged(rules.session(101, from: 10, to: 12), [(ana, .facilitator), (beto, .participant), (carla, .participant)])
        let later = judged(rules.session(102, from: 13, to: 14, place: "Patio"), [(carla, .facilitator)])
        var experience = Experience()
        experience.addTaught(ana, rules.ref, end: rules.day0 - 3600)
        let shifts: [EntityID: [(start: Int64, end: Int64)]] = [carla: [(rules.day0 + 11 * 3600, rules.day0 + 12 * 3600)]]
        let names = PersonNames([ana: "Ana", beto: "Beto", carla: "Ana"])
        func schedule(_ judging: [BattleSchedule.Judged], others: [BattleSchedule.Judged]) -> BattleSchedule {
            BattleSchedule(battle: rules.battle, judged: judging, others: others.map { ($0.session, $0.everyone) },
                           shifts: shifts, experience: experience, names: names)
        }
        let all = [first, second, later]
        let whole = ConflictEngine.conflicts(in: schedule(all, others: []), calendar: UTC())
        let alone = all.compactMap { one in
            ConflictEngine.conflicts(in: schedule([one], others: all.filter { $0.session.id != one.session.id }), calendar: UTC()).first
        }
        #expect(whole == alone)
        #expect(whole.map(\.session.id) == [first.session.id, second.session.id, later.session.id])

        let conflicts = whole[1].conflicts
        #expect(conflicts.filter { $0.kind == .personDoubleBooked }.compactMap(\.person) == [ana, beto].sorted())
        #expect(conflicts.contains(.overCapacity(participants: 2, maximum: 1)))
        // Carla shares Ana's name but not her conflicts: her shift is hers alone.
        #expect(conflicts.filter { $0.kind == .onShift }.compactMap(\.person) == [carla])
        #expect(conflicts.first { $0.kind == .onShift }?.message(names).text(.en).hasPrefix("Ana is on a repair shift") == true)
        #expect(whole[2].conflicts == [.inexperiencedFacilitator(person: carla, workshop: rules.ref)])
    }
}
