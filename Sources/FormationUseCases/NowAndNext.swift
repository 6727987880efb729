public import FormationDomain
public import FormationStorage

/// What the plant's board shows first: the current battle's sessions happening now and
/// the next one in each place.
///
/// "Now" is a parameter, never read here: the board passes its clock, tests a fixed instant.
public struct NowAndNext: Sendable {
    /// One place of the battle: the session under way there, if any, and the one after it.
    public struct Place: Sendable {
        public let place: String
        public let now: SessionEntry?
        public let next: SessionEntry?
    }

    public let timetable: Timetable
    public let places: [Place]
    /// The battle's local day and time at `now`.
    public let local: LocalDateTime

    /// The battle under way at `now` (its local day between its first and last), else the next to
    /// start, else the one that ended last; nil when there is no battle at all.
    ///
    /// - Parameter now: seconds since 1970.
    public static func load(_ store: FormationStore, now: Int64) throws -> NowAndNext? {
        let battles = try store.battles()
        var upcoming: (entry: BattleEntry, start: CivilDate)?
        var past: (entry: BattleEntry, end: CivilDate)?
        var current: BattleEntry?
        for entry in battles {
            let today = try LocalClock(timeZone: entry.battle.timeZone).local(now).date
            if entry.battle.start <= today, today <= entry.battle.end {
                current = entry
                break
            } else if today < entry.battle.start {
                if upcoming == nil || entry.battle.start < upcoming!.start { upcoming = (entry, entry.battle.start) }
            } else if past == nil || entry.battle.end > past!.end {
                past = (entry, entry.battle.end)
            }
        }
        guard let chosen = current ?? upcoming?.entry ?? past?.entry else { return nil }
        return try load(store, battleID: chosen.battle.id, now: now)
    }

    /// The board for one battle at `now`; cancelled sessions are left out.
    public static func load(_ store: FormationStore, battleID: EntityID, now: Int64) throws -> NowAndNext {
        let timetable = try Timetable.load(store, battleID: battleID)
        var byPlace: [String: [SessionEntry]] = [:]
        for entry in timetable.sessions where !entry.session.cancelled {
            byPlace[entry.session.place, default: []].append(entry)
        }
        let places = byPlace.map { place, sessions -> Place in
            let ordered = sessions.sorted { ($0.session.start, $0.session.id.rawValue) < ($1.session.start, $1.session.id.rawValue) }
            let running = ordered.first { $0.session.start <= now && now < $0.session.end }
            let next = ordered.first { $0.session.start > now }
            return Place(place: place, now: running, next: next)
        }
        .filter { $0.now != nil || $0.next != nil }
        .sorted { ($0.now?.session.start ?? $0.next!.session.start, $0.place) < ($1.now?.session.start ?? $1.next!.session.start, $1.place) }
        return NowAndNext(timetable: timetable, places: places, local: timetable.clock.local(now))
    }
}
