import FormationDomain
import FormationUseCases
import Foundation

// `formation battle report B`: text, JSON (documented in the README) and a printable HTML page.

struct BattleReportJSON: Encodable {
    struct Sessions: Encodable {
        let held: Int
        let planned: Int
        let cancelled: Int
    }

    struct Attendance: Encodable {
        let registered: Int
        let attended: Int
        let absent: Int
        @NullEncoded var rate: Double?

    }

    struct WorkshopTally: Encodable {
        let workshop: String
        let title: TextJSON
        @NullEncoded var category: String?
        let sessions: Int
        let held: Int
        let attended: Int
        let learningHours: Double

    }

    struct CategoryTally: Encodable {
        @NullEncoded var category: String?
        let sessions: Int
        let held: Int
        let attended: Int
        let learningHours: Double

    }

    let battle: BattleJSON
    let sessions: Sessions
    let sessionHours: Double
    let learningHours: Double
    let participants: Int
    let facilitators: Int
    let attendance: Attendance
    let newFacilitators: [PersonRefJSON]
    let workshops: [WorkshopTally]
    let categories: [CategoryTally]
    let conflicts: [SessionConflictsJSON]

    init(_ report: BattleReport) {
        battle = BattleJSON(report.battle)
        sessions = Sessions(held: report.held, planned: report.planned, cancelled: report.cancelled)
        sessionHours = Hours.rounded(report.sessionHours)
        learningHours = Hours.rounded(report.learningHours)
        participants = report.participants
        facilitators = report.facilitators
        attendance = Attendance(registered: report.registered, attended: report.attended, absent: report.absent,
                                rate: report.attendanceRate.map { ($0 * 1000).rounded() / 1000 })
        newFacilitators = report.newFacilitators.map { PersonRefJSON(id: $0.id.rawValue, name: $0.name) }
        workshops = report.workshops.map {
            WorkshopTally(workshop: $0.workshop.description, title: TextJSON($0.title), category: $0.category?.rawValue,
                          sessions: $0.tally.sessions, held: $0.tally.held, attended: $0.tally.attended,
                          learningHours: Hours.rounded($0.tally.learningHours))
        }
        categories = report.categories.map {
            CategoryTally(category: $0.category?.rawValue, sessions: $0.tally.sessions, held: $0.tally.held,
                          attended: $0.tally.attended, learningHours: Hours.rounded($0.tally.learningHours))
        }
        conflicts = report.conflicts.map(SessionConflictsJSON.init)
    }
}

enum BattleReportText {
    typealias T = TextViews

    /// The figures as `label: value` lines, shared by the text and HTML renderings.
    static func summary(_ report: BattleReport, _ language: Language) -> [String] {
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

    static func render(_ report: BattleReport, _ language: Language) -> String {
        func t(_ id: MessageID, _ arguments: String...) -> String { T.t(id, language, arguments) }
        let battle = report.battle
        var lines = [t(.reportHeading, battle.battle.name),
                     "\(battle.plantName) (\(battle.plantState)) · \(LocalFormat.longDate(battle.battle.start, language)) – "
                        + LocalFormat.longDate(battle.battle.end, language),
                     ""]
        lines += summary(report, language)

        lines += ["", t(.reportByWorkshop)]
        if report.workshops.isEmpty {
            lines.append("  " + T.t(.noSessions, language))
        } else {
            var table = Table(T.t(.headingWorkshopColumn, language), T.t(.headingCategory, language).uppercased(),
                              T.t(.headingSessionsColumn, language), T.t(.headingHeldColumn, language),
                              T.t(.headingAttendedColumn, language), T.t(.headingHoursColumn, language))
            for entry in BattleReportText.byTitle(report.workshops, language) {
                table.add(T.text(entry.title, language), Views.category(entry.category, language), String(entry.tally.sessions),
                          String(entry.tally.held), String(entry.tally.attended), Views.hours(entry.tally.learningHours, language))
            }
            lines.append(table.render())
        }

        lines += ["", t(.reportByCategory)]
        if report.categories.isEmpty {
            lines.append("  " + T.t(.noSessions, language))
        } else {
            var table = Table(T.t(.headingCategory, language).uppercased(), T.t(.headingSessionsColumn, language),
                              T.t(.headingHeldColumn, language), T.t(.headingAttendedColumn, language), T.t(.headingHoursColumn, language))
            for entry in report.categories {
                table.add(Views.category(entry.category, language), String(entry.tally.sessions), String(entry.tally.held),
                          String(entry.tally.attended), Views.hours(entry.tally.learningHours, language))
            }
            lines.append(table.render())
        }

        lines += ["", t(.reportConflicts)]
        lines += conflictLines(report.conflicts, language).map { "  " + $0 }
        return lines.joined(separator: "\n")
    }

    /// Workshops in the order a reader looks for them: by title in their language, accents and case aside.
    static func byTitle(_ workshops: [BattleReport.WorkshopTally], _ language: Language) -> [BattleReport.WorkshopTally] {
        workshops.map { (entry: $0, title: T.text($0.title, language)) }
            .sorted { $0.title.compare($1.title, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedAscending }
            .map(\.entry)
    }

    /// `battle check`: `conflictLines`, then the prerequisites met only by a planned session.
    static func checkLines(_ check: BattleCheck, _ language: Language) -> [String] {
        var lines = conflictLines(check.conflicts, language)
        guard !check.planned.isEmpty else { return lines }
        lines += ["", T.t(.plannedHeading, language, String(check.planned.count))]
        var session: EntityID?
        for planned in check.planned {
            if planned.session.id != session {
                session = planned.session.id
                lines.append("  " + planned.session.description)
            }
            lines.append("    " + planned.message(check.names).text(language))
        }
        return lines
    }

    /// Each session with conflicts, then its conflicts marked hard, forced or soft: `battle check` and the report.
    static func conflictLines(_ conflicts: [BattleReport.SessionConflictReport], _ language: Language) -> [String] {
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

/// The report as a printable page for the council's wall or file.
enum BattleReportHTML {
    typealias T = TextViews

    static func render(_ report: BattleReport, _ language: Language) -> String {
        func h(_ id: MessageID, _ arguments: String...) -> String {
            HTML.escape(T.t(id, language, arguments))
        }
        let battle = report.battle
        var body = "<h1>\(h(.reportHeading, battle.battle.name))</h1>\n"
        body += "<p class=\"meta\">\(HTML.escape("\(battle.plantName) (\(battle.plantState)) · \(LocalFormat.longDate(battle.battle.start, language)) – \(LocalFormat.longDate(battle.battle.end, language))"))</p>\n"
        for line in BattleReportText.summary(report, language) { body += "<p class=\"meta\">\(HTML.escape(line))</p>\n" }

        body += "<h2>\(h(.reportByWorkshop))</h2>\n"
        body += "<table>\n<thead><tr><th>\(HTML.escape(T.t(.headingWorkshopLabel, language)))</th><th>\(h(.headingCategory))</th>"
        body += "<th>\(HTML.escape(T.t(.headingSessionsColumn, language).capitalizedFirst))</th><th>\(HTML.escape(T.t(.headingHeldColumn, language).capitalizedFirst))</th>"
        body += "<th>\(HTML.escape(T.t(.headingAttendedColumn, language).capitalizedFirst))</th><th>\(h(.headingHoursLabel))</th></tr></thead>\n<tbody>\n"
        for entry in BattleReportText.byTitle(report.workshops, language) {
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
        for line in BattleReportText.conflictLines(report.conflicts, language) { body += "<li>\(HTML.escape(line))</li>\n" }
        body += "</ul>\n"
        return HTML.page(title: Message(.reportHeading, battle.battle.name).text(language), language: language.rawValue, body: body)
    }
}
