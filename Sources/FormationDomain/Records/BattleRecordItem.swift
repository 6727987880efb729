/// One piece of a battle record (the file a plant carries to another, `Curricula/battle-record.xsd`),
/// in file order: plants, the battle, people, sessions with their participations, shifts, the
/// soft conflicts that were forced, the prior learning recognised of the battle's people, and the
/// people who joined its roster.
public enum BattleRecordItem: Sendable, Equatable {
    case plant(Plant)
    case battle(Battle)
    /// A person, with the ids of people merged into them (at whichever plant): importing the record
    /// merges those here too, so that plants exchanging records agree on who is who.
    case person(Person, aliases: [EntityID] = [])
    case session(Session, participations: [Participation])
    case shift(Shift)
    /// A forced conflict; `person` is the one it is about (records from older versions leave it out,
    /// and name the person only in the first argument).
    case conflict(session: EntityID, kind: String, person: EntityID?, arguments: [String])
    case qualification(Qualification)
    case rosterEntry(RosterEntry)
}

/// Instants written as ISO 8601 with a UTC offset (`2026-12-01T09:00:00-04:00`), without Foundation.
public enum ISOInstant {
    /// `2026-12-01T18:00:00Z`: an instant for a message when no clock is at hand (never the bare
    /// seconds since 1970, which nobody can read).
    public static func utc(_ instant: Int64) -> String {
        let days = instant >= 0 ? instant / 86400 : (instant - 86399) / 86400
        let seconds = Int(instant - days * 86400)
        let date = CivilDate(daysSinceEpoch: Int(days))
        return "\(date)T\(pad2(seconds / 3600)):\(pad2(seconds % 3600 / 60)):\(pad2(seconds % 60))Z"
    }

    /// Seconds since 1970 (UTC), or nil when `text` is not `YYYY-MM-DDTHH:MM:SS` followed by `Z`
    /// or `±HH:MM`.
    public static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 25, bytes[10] == 0x54 /* T */, bytes[13] == 0x3A, bytes[16] == 0x3A else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for byte in bytes[from..<from + count] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let date = try? CivilDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              hour < 24, minute < 60, second < 60 else { return nil }
        var offset = 0
        if bytes.count == 20 {
            guard bytes[19] == 0x5A /* Z */ else { return nil }
        } else {
            guard bytes[19] == 0x2B || bytes[19] == 0x2D, bytes[22] == 0x3A,
                  let hours = number(20, 2), let minutes = number(23, 2), hours <= 14, minutes < 60 else { return nil }
            offset = (hours * 3600 + minutes * 60) * (bytes[19] == 0x2D ? -1 : 1)
        }
        return Int64(date.daysSinceEpoch) * 86400 + Int64(hour * 3600 + minute * 60 + second - offset)
    }
}
