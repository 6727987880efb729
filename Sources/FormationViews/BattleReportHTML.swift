public import FormationDomain
public import FormationUseCases
internal import Foundation

/// The report as a printable page for the council's wall or file.
public enum BattleReportHTML {
    typealias T = TextViews

    public static func render(_ report: BattleReport, _ language: Language) -> String {
        HTML.page(title: Message(.reportHeading, report.battle.battle.name).text(language), language: language.rawValue,
                  body: body(report, language))
    }

    /// The report without the page around it; `level` is the heading level of its title (the board
    /// puts it under the battle's own heading).
    public static func body(_ report: BattleReport, _ language: Language, level: Int = 1) -> String {
        func h(_ id: MessageID, _ arguments: String...) -> String {
            HTML.escape(T.t(id, language, arguments))
        }
        let battle = report.battle
        var body = "<h\(level)>\(h(.reportHeading, battle.battle.name))</h\(level)>\n"
        body += "<p class=\"meta\">\(HTML.escape("\(battle.plantName) (\(battle.plantState)) · \(LocalFormat.longDate(battle.battle.start, language)) – \(LocalFormat.longDate(battle.battle.end, language))"))</p>\n"
        for line in BattleReportLines.summary(report, language) { body += "<p class=\"meta\">\(HTML.escape(line))</p>\n" }

        body += "<h2>\(h(.reportByWorkshop))</h2>\n"
        body += "<table>\n<thead><tr><th>\(HTML.escape(T.t(.headingWorkshopLabel, language)))</th><th>\(h(.headingCategory))</th>"
        body += "<th>\(HTML.escape(T.t(.headingSessionsColumn, language).capitalizedFirst))</th><th>\(HTML.escape(T.t(.headingHeldColumn, language).capitalizedFirst))</th>"
        body += "<th>\(HTML.escape(T.t(.headingAttendedColumn, language).capitalizedFirst))</th><th>\(h(.headingHoursLabel))</th></tr></thead>\n<tbody>\n"
        for entry in BattleReportLines.byTitle(report.workshops, language) {
            body += "<tr><td>\(HTML.escape(T.text(entry.title, language)))<br><span class=\"small\">\(HTML.escape(entry.workshop.description))</span></td>"
            body += "<td>\(HTML.escape(Views.category(entry.category, language)))</td><td>\(entry.tally.sessions)</td><td>\(entry.tally.held)</td>"
            body += "<td>\(entry.tally.attended)</td><td>\(HTML.escape(Views.hours(entry.tally.learningHours, language)))</td></tr>\n"
        }
        body += "</tbody>\n</table>\n"

        body += "<h2>\(h(.reportByCategory))</h2>\n<ul>\n"
        for entry in report.categories {
            body += "<li>\(HTML.escape(Views.category(entry.category, language))): \(entry.tally.sessions) · \(HTML.escape(Views.hours(entry.tally.learningHours, language)))</li>\n"
        }
        body += "</ul>\n"

        body += "<h2>\(h(.reportConflicts))</h2>\n<ul>\n"
        for line in BattleReportLines.conflictLines(report.conflicts, language) { body += "<li>\(HTML.escape(line))</li>\n" }
        body += "</ul>\n"
        return body
    }
}

/// The report's lines that the terminal and the page print alike.
public enum BattleReportLines {
    typealias T = TextViews

    /// The figures as `label: value` lines, shared by the text and HTML renderings.
    public static func summary(_ report: BattleReport, _ language: Language) -> [String] {
        func t(_ id: MessageID, _ arguments: String...) -> String { T.t(id, language, arguments) }
        let attendance = report.attendanceRate.map { rate in
            t(.reportAttendance, String(report.attended), String(report.registered),
              LocalFormat.number(rate * 100, fractionDigits: 0, language) + (language == .es ? " %" : "%"))
        } ?? t(.reportAttendanceNone)
        let newcomers = report.newFacilitators.isEmpty ? T.t(.none, language) : report.newFacilitators.map(\.name).joined(separator: ", ")
        return [
            t(.reportSessions, String(report.held), String(report.planned), String(report.cancelled)),
            t(.reportHours, Views.hours(report.learningHours, language), Views.hours(report.sessionHours, language)),
            t(.reportPeople, String(report.participants), String(report.facilitators)),
            attendance,
            t(.reportNewFacilitators, String(report.newFacilitators.count), newcomers),
        ]
    }

    /// Workshops in the order a reader looks for them: by title in their language, accents and case aside.
    public static func byTitle(_ workshops: [BattleReport.WorkshopTally], _ language: Language) -> [BattleReport.WorkshopTally] {
        workshops.map { (entry: $0, title: T.text($0.title, language)) }
            .sorted { $0.title.compare($1.title, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedAscending }
            .map(\.entry)
    }

    /// Each session with conflicts, then its conflicts marked hard, forced or soft: `battle check` and the report.
    public static func conflictLines(_ conflicts: [BattleReport.SessionConflictReport], _ language: Language) -> [String] {
        guard !conflicts.isEmpty else { return [T.t(.noConflicts, language)] }
        var lines: [String] = []
        for entry in conflicts {
            lines.append(entry.label.description)
            for open in entry.conflicts {
                let mark = open.conflict.isHard ? T.t(.conflictHardMark, language)
                    : open.forced ? T.t(.conflictForcedMark, language) : T.t(.conflictSoftMark, language)
                lines.append("  \(mark) \(open.conflict.message(entry.names).text(language))")
            }
        }
        return lines
    }
}
