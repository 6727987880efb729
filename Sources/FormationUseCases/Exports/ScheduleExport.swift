import FormationDomain
import FormationStorage
import FormationXML
import Foundation

/// Builds the schedule.xml document of a battle: one `<day>` per battle day, rooms in order of
/// first use, events in time order; cancelled sessions are left out. Human text is in `language`.
enum ScheduleExport {
    static func document(_ timetable: Timetable, curricula: [Slug: LocalizedText], language: Language) -> ScheduleDocument {
        let clock = timetable.clock
        let active = timetable.sessions.filter { !$0.session.cancelled }
        let events = StableNumbers(active.map(\.session.id))
        let people = StableNumbers(active.flatMap { $0.facilitators.map(\.id) })
        var tracks: [String] = []
        var days: [ScheduleDocument.Day] = []
        for (index, day) in timetable.days.enumerated() {
            let midnight = clock.instant(.midnight(day))
            let nextMidnight = clock.instant(.midnight(day.adding(days: 1)))
            let sessions = active.filter { clock.local($0.session.start).date == day }
            var rooms: [String] = []
            for entry in sessions where !rooms.contains(entry.session.place) { rooms.append(entry.session.place) }
            let roomList = rooms.map { room in
                ScheduleDocument.Room(name: room, events: sessions.filter { $0.session.place == room }.map { entry in
                    let workshop = timetable.workshops[entry.session.workshop]
                    let track = (workshop?.category ?? .technical).name.text(language)
                    if !tracks.contains(track) { tracks.append(track) }
                    let minutes = Int((entry.session.end - entry.session.start) / 60)
                    let summary = workshop.map { text($0.summary, language) } ?? ""
                    let curriculum = entry.session.workshop.curriculum.flatMap { curricula[$0] }.map { text($0, language) }
                    let objectives = workshop?.objectives.map { "- " + text($0, language) }.joined(separator: "\n") ?? ""
                    return ScheduleDocument.Event(
                        id: events[entry.session.id], guid: entry.session.id.rawValue, room: room,
                        title: text(timetable.title(entry), language),
                        subtitle: curriculum ?? entry.session.workshop.description,
                        type: "workshop", date: ISO8601Local.string(entry.session.start, clock),
                        start: clock.local(entry.session.start).clock,
                        duration: two(minutes / 60) + ":" + two(minutes % 60),
                        abstract: summary.isEmpty ? entry.session.workshop.description : summary,
                        slug: slug(timetable, entry.session),
                        track: track,
                        persons: entry.facilitators.map { .init(id: people[$0.id], guid: $0.id.rawValue, name: $0.name) },
                        language: language.rawValue,
                        description: [summary, objectives].filter { !$0.isEmpty }.joined(separator: "\n\n").ifEmpty(entry.session.workshop.description))
                })
            }
            days.append(ScheduleDocument.Day(index: index + 1, date: day.description, start: ISO8601Local.string(midnight, clock),
                                             end: ISO8601Local.string(nextMidnight, clock), rooms: roomList))
        }
        let battle = timetable.battle.battle
        return ScheduleDocument(
            version: contentVersion(active), title: battle.name, acronym: acronym(battle.name, battle.id),
            start: battle.start.description, end: battle.end.description, timeZone: battle.timeZone,
            tracks: tracks, days: days, generatorVersion: FormationVersion.current)
    }

    /// Changes whenever a session is added, moved or cancelled, so schedule apps see an update;
    /// the same timetable always gives the same value (FNV-1a over the sessions, hex).
    static func contentVersion(_ sessions: [SessionEntry]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for entry in sessions.sorted(by: { $0.session.id < $1.session.id }) {
            let facilitators = entry.facilitators.map(\.id.rawValue).joined(separator: ",")
            let s = entry.session
            for byte in "\(s.id)|\(s.workshop)|\(s.start)|\(s.end)|\(s.place)|\(facilitators);".utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        return "\(sessions.count)." + String(hash, radix: 16)
    }

    static func text(_ text: LocalizedText, _ language: Language) -> String {
        text.resolve(language)?.text ?? ""
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// `[a-z0-9_-]{4,}` from the battle's name, accents folded.
    static func acronym(_ name: String, _ id: EntityID) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US")).lowercased()
        var out = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { out.unicodeScalars.append(scalar) }
            else if !out.hasSuffix("-"), !out.isEmpty { out += "-" }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.count >= 4 ? out : out + (out.isEmpty ? "" : "-") + id.short
    }

    /// `voc-slug-new`: `[a-z0-9_]{4,}-[a-z0-9\-_]{4,}`, unique per session.
    static func slug(_ timetable: Timetable, _ session: Session) -> String {
        let head = acronym(timetable.battle.battle.name, timetable.battle.battle.id).replacingOccurrences(of: "-", with: "_")
        let workshop = session.workshop.workshop.rawValue.replacingOccurrences(of: ".", with: "_")
        return "\(head)-\(session.id.short)-\(workshop)"
    }
}

/// `2026-12-01T09:00:00-04:00`: a local time with its UTC offset, naming exactly `instant`
/// (records carry it to another plant: it must read back as the same second).
///
/// The seconds are written as they are. An offset that is not a whole number of minutes (local mean
/// times before 1912: Caracas was −04:27:40) has no ISO 8601 spelling: such an instant is written
/// in UTC (`1905-03-01T13:27:40Z`) rather than moved by the seconds the offset would lose.
public enum ISO8601Local {
    public static func string(_ instant: Int64, _ clock: LocalClock) -> String {
        let actual = clock.offset(at: instant)
        let offset = actual % 60 == 0 ? actual : 0
        let shifted = instant + Int64(offset)
        let days = shifted >= 0 ? shifted / 86400 : -((-shifted + 86399) / 86400)
        let seconds = Int(shifted - days * 86400)
        let date = CivilDate(daysSinceEpoch: Int(days))
        let time = "\(ScheduleExport.two(seconds / 3600)):\(ScheduleExport.two(seconds % 3600 / 60)):\(ScheduleExport.two(seconds % 60))"
        if actual != offset { return "\(date)T\(time)Z" }
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset) / 3600, minutes = abs(offset) % 3600 / 60
        return "\(date)T\(time)\(sign)\(ScheduleExport.two(hours)):\(ScheduleExport.two(minutes))"
    }
}

/// The program's version, written into exports that name their generator.
public enum FormationVersion {
    public static let current = "0.1.0"
}

extension String {
    func ifEmpty(_ fallback: String) -> String { isEmpty ? fallback : self }
}
