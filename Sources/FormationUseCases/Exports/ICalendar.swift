import FormationDomain
import Foundation

/// RFC 5545 iCalendar: one VEVENT per session, with stable UIDs (the session's UUID), times in
/// the battle's zone (TZID with a VTIMEZONE built from the zone database), CRLF line endings and
/// lines folded at 75 octets.
enum ICalendar {
    static func document(_ timetable: Timetable, language: Language, now: Date = Date()) -> String {
        let battle = timetable.battle.battle
        let zone = battle.timeZone
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//SelfFormation//formation \(FormationVersion.current)//EN",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + ICalendarText.escape(battle.name), "X-WR-TIMEZONE:" + zone,
        ]
        lines += timeZone(zone, around: timetable)
        let stamp = utc(Int64(now.timeIntervalSince1970))
        for entry in timetable.sessions {
            let session = entry.session
            let workshop = timetable.workshops[session.workshop]
            var description = workshop.map { ScheduleExport.text($0.summary, language) } ?? ""
            if !entry.facilitators.isEmpty {
                description += (description.isEmpty ? "" : "\n\n") + entry.facilitators.map(\.name).joined(separator: ", ")
            }
            lines += [
                "BEGIN:VEVENT",
                "UID:\(session.id.rawValue)@selfformation",
                "DTSTAMP:\(stamp)",
                "DTSTART;TZID=\(zone):\(local(session.start, timetable.clock))",
                "DTEND;TZID=\(zone):\(local(session.end, timetable.clock))",
                "SUMMARY:" + ICalendarText.escape(ScheduleExport.text(timetable.title(entry), language)),
                "LOCATION:" + ICalendarText.escape(session.place),
                "DESCRIPTION:" + ICalendarText.escape(description),
                "CATEGORIES:" + ICalendarText.escape(workshop.map { $0.category.name.text(language) } ?? Message(.exportWorkshop).text(language)),
                "STATUS:" + (session.cancelled ? "CANCELLED" : "CONFIRMED"),
            ]
            for facilitator in entry.facilitators {
                lines.append("ORGANIZER;CN=\(ICalendarText.quoteParameter(facilitator.name)):urn:uuid:\(facilitator.id.rawValue)")
                break // RFC 5545 allows one ORGANIZER; the others are in DESCRIPTION.
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendarText.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A VTIMEZONE with the zone's real offsets: one STANDARD component when the zone has no
    /// transition around the battle, else one component per transition (explicit dates, no RRULE).
    static func timeZone(_ identifier: String, around timetable: Timetable) -> [String] {
        guard let zone = TimeZone(identifier: identifier) else { return [] }
        let start = Date(timeIntervalSince1970: TimeInterval(timetable.clock.instant(.midnight(timetable.battle.battle.start)))) - 366 * 86400
        let end = start + 3 * 366 * 86400
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(identifier)"]
        var transitions: [Date] = []
        var cursor = start
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end, transitions.count < 8 {
            transitions.append(next)
            cursor = next
        }
        if transitions.isEmpty {
            let offset = offsetText(zone.secondsFromGMT(for: start))
            lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:\(offset)", "TZOFFSETTO:\(offset)",
                      "TZNAME:\(zone.abbreviation(for: start) ?? identifier)", "END:STANDARD"]
        } else {
            for transition in transitions {
                let before = zone.secondsFromGMT(for: transition - 1), after = zone.secondsFromGMT(for: transition)
                let kind = zone.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD"
                // The wall-clock time the transition happens at, on the clock before it (RFC 5545
                // §3.6.5: DTSTART of an observance is local to TZOFFSETFROM), worked out in UTC.
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = TimeZone(identifier: "UTC") ?? zone
                let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                                    from: transition.addingTimeInterval(TimeInterval(before)))
                let localStart = String(format: "%04d%02d%02dT%02d%02d%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1,
                                        parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
                lines += ["BEGIN:\(kind)", "DTSTART:\(localStart)", "TZOFFSETFROM:\(offsetText(before))", "TZOFFSETTO:\(offsetText(after))",
                          "TZNAME:\(zone.abbreviation(for: transition) ?? identifier)", "END:\(kind)"]
            }
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let value = abs(seconds)
        return sign + String(format: "%02d%02d", value / 3600, value % 3600 / 60)
    }

    static func local(_ instant: Int64, _ clock: LocalClock) -> String {
        let time = clock.local(instant)
        return String(format: "%04d%02d%02dT%02d%02d00", time.date.year, time.date.month, time.date.day, time.hour, time.minute)
    }

    static func utc(_ instant: Int64) -> String {
        let day = CivilDate(daysSinceEpoch: Int(instant / 86400))
        let seconds = Int(instant % 86400)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", day.year, day.month, day.day, seconds / 3600, seconds % 3600 / 60, seconds % 60)
    }
}
