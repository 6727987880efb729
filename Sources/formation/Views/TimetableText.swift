import FormationDomain
import FormationUseCases
import FormationViews

/// A battle's timetable for the terminal: a list, and a day-by-day grid (places across, time
/// down) that fits 80 columns.
enum TimetableText {
    typealias T = TextViews

    static func list(_ sessions: [SessionEntry], _ timetable: Timetable, _ language: Language) -> String {
        guard !sessions.isEmpty else { return T.t(.emptyList, language) }
        var table = Table(T.t(.headingID, language), T.t(.headingWhen, language), T.t(.headingPlaceColumn, language),
                          T.t(.headingWorkshopColumn, language), T.t(.headingFacilitatorsColumn, language), T.t(.headingCount, language))
        for entry in sessions {
            let when = timetable.clock.label(start: entry.session.start, end: entry.session.end)
            let workshop = (entry.session.cancelled ? T.t(.cancelledMark, language) + " " : "") + T.text(timetable.title(entry), language)
            table.add(entry.session.id.short, when, entry.session.place, workshop,
                      entry.facilitators.map(\.name).joined(separator: ", "), "\(entry.attended)/\(entry.participants)")
        }
        return table.render()
    }

    /// `battle show`: the battle's fields, then its timetable.
    static func battle(_ timetable: Timetable, _ language: Language) -> String {
        TextViews.battle(timetable.battle, language) + "\n\n" + grid(timetable, language)
    }

    /// One block per day; each row is a time at which some session starts or ends, each column a
    /// place. A session shows its title where it starts and `┆` while it goes on. More than four
    /// places wrap into further blocks, so rows stay within 80 columns.
    static func grid(_ timetable: Timetable, _ language: Language) -> String {
        let active = timetable.sessions.filter { !$0.session.cancelled }
        var blocks: [String] = []
        for day in timetable.days {
            let sessions = active.filter { timetable.clock.local($0.session.start).date == day }
            let heading = LocalFormat.longDate(day, language).capitalizedFirstLetter
            guard !sessions.isEmpty else {
                blocks.append(heading + "\n  " + T.t(.noSessions, language))
                continue
            }
            var places: [String] = []
            for entry in sessions where !places.contains(entry.session.place) { places.append(entry.session.place) }
            var block = [heading]
            var first = true
            // Up to four places side by side, fewer on a narrow terminal (a column needs 14).
            let perRow = max(1, min(4, (total - 6) / 14))
            for group in stride(from: 0, to: places.count, by: perRow).map({ Array(places[$0..<min($0 + perRow, places.count)]) }) {
                if !first { block.append("") }
                first = false
                block.append(contentsOf: gridBlock(sessions.filter { group.contains($0.session.place) }, places: group, total: total,
                                                   timetable, language))
            }
            blocks.append(block.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n")
    }

    /// The grid's width: the terminal's, or 80 in a pipe or a file.
    static var total: Int { Layout.width ?? 80 }

    private static func gridBlock(_ sessions: [SessionEntry], places: [String], total: Int, _ timetable: Timetable,
                                  _ language: Language) -> [String] {
        let timeWidth = 6
        let width = max(10, (total - timeWidth) / places.count - 1)
        func cell(_ text: String) -> String {
            let cut = Table.truncate(text, width)
            return cut + String(repeating: " ", count: max(0, width - Table.width(cut)))
        }
        var times = Set<Int64>()
        for entry in sessions { times.insert(entry.session.start); times.insert(entry.session.end) }
        let rows = times.sorted()
        var lines = [String(repeating: " ", count: timeWidth) + places.map { cell($0) }.joined(separator: " ")]
        lines.append(String(repeating: " ", count: timeWidth) + places.map { _ in String(repeating: "─", count: width) }.joined(separator: " "))
        for time in rows.dropLast() {
            var cells: [String] = []
            for place in places {
                let here = sessions.filter { $0.session.place == place }
                if let starting = here.first(where: { $0.session.start == time }) {
                    cells.append(cell(T.text(timetable.title(starting), language)))
                } else if here.contains(where: { $0.session.start < time && time < $0.session.end }) {
                    cells.append(cell("┆"))
                } else {
                    cells.append(cell(""))
                }
            }
            let clock = timetable.clock.local(time).clock
            lines.append((clock + " ").padding(timeWidth) + cells.joined(separator: " "))
        }
        if let last = rows.last {
            lines.append(timetable.clock.local(last).clock)
        }
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
    }
}

extension String {
    func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - Table.width(self)))
    }
}
