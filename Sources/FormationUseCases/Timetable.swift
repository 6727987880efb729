public import FormationDomain
public import FormationStorage

/// A battle's sessions with what views need beside them: its clock and the workshops' titles.
public struct Timetable: Sendable {
    public let battle: BattleEntry
    public let clock: LocalClock
    public let sessions: [SessionEntry]
    public let workshops: [WorkshopRef: Workshop]

    public static func load(_ store: FormationStore, battle: String) throws -> Timetable {
        try load(store, battleID: store.resolve(.battle, battle))
    }

    public static func load(_ store: FormationStore, battleID: EntityID) throws -> Timetable {
        guard let entry = try store.battle(battleID) else { throw LookupError.notFound(kind: .battle, query: battleID.rawValue) }
        let clock = try LocalClock(timeZone: entry.battle.timeZone)
        return try store.reading { tx in
            let sessions = try tx.sessions(ofBattle: battleID)
            var workshops: [WorkshopRef: Workshop] = [:]
            for ref in Set(sessions.map(\.session.workshop)) {
                if let curriculum = ref.curriculum, let workshop = try tx.curricula.storedWorkshop(curriculum, ref.workshop) {
                    workshops[ref] = workshop
                }
            }
            return Timetable(battle: entry, clock: clock, sessions: sessions, workshops: workshops)
        }
    }

    /// The workshop's title, or its ref when the curriculum is no longer stored.
    public func title(_ entry: SessionEntry) -> LocalizedText {
        workshops[entry.session.workshop]?.title ?? LocalizedText([LocalizedText.Variant(language: "en", text: entry.session.workshop.description)])
    }

    /// The battle's days, first to last.
    public var days: [CivilDate] {
        (0..<battle.battle.days).map { battle.battle.start.adding(days: $0) }
    }
}
