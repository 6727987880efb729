import FormationDomain
import FormationUseCases
import FormationViews
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

    static func render(_ report: BattleReport, _ language: Language) -> String {
        func t(_ id: MessageID, _ arguments: String...) -> String { T.t(id, language, arguments) }
        let battle = report.battle
        var lines = [t(.reportHeading, battle.battle.name),
                     "\(battle.plantName) (\(battle.plantState)) · \(LocalFormat.longDate(battle.battle.start, language)) – "
                        + LocalFormat.longDate(battle.battle.end, language),
                     ""]
        lines += BattleReportLines.summary(report, language)

        lines += ["", t(.reportByWorkshop)]
        if report.workshops.isEmpty {
            lines.append("  " + T.t(.noSessions, language))
        } else {
            var table = Table(T.t(.headingWorkshopColumn, language), T.t(.headingCategory, language).uppercased(),
                              T.t(.headingSessionsColumn, language), T.t(.headingHeldColumn, language),
                              T.t(.headingAttendedColumn, language), T.t(.headingHoursColumn, language))
            for entry in BattleReportLines.byTitle(report.workshops, language) {
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
        lines += BattleReportLines.conflictLines(report.conflicts, language).map { "  " + $0 }
        return lines.joined(separator: "\n")
    }

    /// `battle check`: `conflictLines`, then the prerequisites met only by a planned session.
    static func check(_ check: BattleCheck, _ language: Language) -> String {
        checkLines(check, language).joined(separator: "\n")
    }

    private static func checkLines(_ check: BattleCheck, _ language: Language) -> [String] {
        var lines = BattleReportLines.conflictLines(check.conflicts, language)
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
}
