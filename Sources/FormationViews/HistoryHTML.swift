public import FormationDomain
public import FormationUseCases

/// A worker's learning record as one self-contained, printable HTML page (no external assets,
/// every text escaped) that they can keep.
public enum HistoryHTML {
    typealias T = TextViews

    public static func render(_ history: LearningHistory, _ language: Language) -> String {
        HTML.page(title: title(history, language), language: language.rawValue, body: body(history, language))
    }

    /// The page's title: `Learning record — María Pérez`.
    public static func title(_ history: LearningHistory, _ language: Language) -> String {
        Message(.historyRecordTitle).text(language) + " — " + history.person.person.name
    }

    /// The record without the page around it: what the board shows inside its own frame.
    public static func body(_ history: LearningHistory, _ language: Language) -> String {
        func t(_ id: MessageID, _ arguments: String...) -> String {
            HTML.escape(T.t(id, language, arguments))
        }
        let name = history.person.person.name
        var body = "<h1>\(t(.historyRecordTitle))</h1>\n"
        body += "<h2>\(HTML.escape(name))</h2>\n"
        if let plant = history.person.plantName {
            body += "<p class=\"meta\"><strong>\(t(.sheetPlant)):</strong> \(HTML.escape(plant))</p>\n"
        }
        body += "<p class=\"meta\">\(t(.historyTotals, Views.hours(history.hoursAttended, language), Views.hours(history.hoursTaught, language)))</p>\n"

        body += "<h2>\(t(.historyAttended, String(history.attended.count)))</h2>\n"
        if history.attended.isEmpty {
            body += "<p>\(t(.historyNothingAttended))</p>\n"
        } else {
            body += table(history.attended, lastHeading: t(.historyTaughtByLabel), language) { entry in
                HTML.escape(Views.names(entry.facilitators, language))
            }
        }

        body += "<h2>\(t(.historyTaught, String(history.taught.count)))</h2>\n"
        if history.taught.isEmpty {
            body += "<p>\(t(.historyNothingTaught))</p>\n"
        } else {
            body += table(history.taught, lastHeading: t(.historyAttendedLabel), language) { entry in
                t(.historyAttendedCount, String(entry.attended), String(entry.participants))
            }
        }

        if !history.recognised.isEmpty {
            body += "<h2>\(t(.historyQualified, String(history.recognised.count)))</h2>\n<ul>\n"
            for entry in history.recognised {
                body += "<li>\(HTML.escape(T.text(entry.title, language))) <span class=\"small\">(\(HTML.escape(entry.workshop.description)))</span>"
                body += " — \(HTML.escape(Views.recognisedDetail(entry, language)))</li>\n"
            }
            body += "</ul>\n"
        }

        /// A heading, then a list of texts each with its workshop in small type, or a line saying there is none.
        func section(_ heading: MessageID, empty: MessageID, _ items: [(text: LocalizedText, workshop: String)]) {
            body += "<h2>\(t(heading))</h2>\n"
            guard !items.isEmpty else {
                body += "<p>\(t(empty))</p>\n"
                return
            }
            body += "<ul>\n"
            for item in items {
                body += "<li>\(HTML.escape(T.text(item.text, language))) <span class=\"small\">(\(HTML.escape(item.workshop)))</span></li>\n"
            }
            body += "</ul>\n"
        }
        section(.historyCompetencies, empty: .historyNoneYet, history.competencies.map { ($0.text, $0.workshop.description) })
        section(.historyReadyFor, empty: .historyNothingReady, history.readyFor.map { ($0.workshop.title, $0.ref.description) })
        body += "<p class=\"small\">\(t(.historyRecordFooter, history.person.person.id.rawValue))</p>\n"
        return body
    }

    /// One row per session: date, time, workshop, battle and plant, hours, and `last` (already escaped).
    private static func table(_ sessions: [HistorySession], lastHeading: String, _ language: Language,
                              last: (HistorySession) -> String) -> String {
        func h(_ id: MessageID) -> String { HTML.escape(T.t(id, language)) }
        var html = "<table>\n<thead><tr><th>\(h(.headingDate))</th><th>\(h(.headingTime))</th><th>\(h(.headingWorkshopLabel))</th>"
        html += "<th>\(h(.headingBattle))</th><th>\(h(.headingHoursLabel))</th><th>\(lastHeading)</th></tr></thead>\n<tbody>\n"
        for entry in sessions {
            let from = entry.clock.local(entry.session.start), to = entry.clock.local(entry.session.end)
            html += "<tr><td>\(HTML.escape(LocalFormat.longDate(from.date, language).capitalizedFirstLetter))</td>"
            html += "<td>\(HTML.escape("\(from.clock)–\(to.clock)"))</td>"
            html += "<td>\(HTML.escape(T.text(entry.title, language)))<br><span class=\"small\">\(HTML.escape(entry.workshop.description))</span></td>"
            html += "<td>\(HTML.escape(entry.battle.battle.name))<br><span class=\"small\">\(HTML.escape("\(entry.battle.plantName) (\(entry.battle.plantState)) · \(entry.session.place)"))</span></td>"
            html += "<td>\(HTML.escape(Views.hours(entry.hours, language)))</td>"
            html += "<td>\(last(entry))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
