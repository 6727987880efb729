internal import FormationDomain
internal import FormationUseCases
internal import FormationViews
internal import Hummingbird

/// `/battles` and `/battles/<id>`: every battle, and one battle's timetable day by day with its report.
extension Board {
    func battles(_ request: Request) throws -> Response {
        let items = try Programme(store: store).battles().map { entry in
            "<li>\(Board.anchor(Board.link("battles", entry.battle.id.rawValue), entry.battle.name))"
                + " <span class=\"small\">\(HTML.escape("\(entry.plantName) · \(entry.battle.start) – \(entry.battle.end)"))</span></li>\n"
        }
        return Board.listPage(request, title: TextViews.t(.webBattles, PageLanguage.of(request)), items: items)
    }

    func battle(_ request: Request, _ query: String) throws -> Response {
        let h = PageWords(request), language = h.language
        let timetable = try Timetable.load(store, battle: query.removingPercentEncodingOrSelf)
        let battle = timetable.battle
        let report = try BattleReport.load(store, battle: battle.battle.id.rawValue, now: now())
        var body = "<h1>\(HTML.escape(battle.battle.name))</h1>\n"
        body += "<p class=\"meta\">\(HTML.escape("\(battle.plantName) (\(battle.plantState)) · \(LocalFormat.longDate(battle.battle.start, language)) – \(LocalFormat.longDate(battle.battle.end, language))"))</p>\n"
        body += "<h2>\(h(.webTimetable))</h2>\n"
        for day in timetable.days {
            let sessions = timetable.sessions.filter { timetable.clock.local($0.session.start).date == day }
            body += "<h3>\(HTML.escape(LocalFormat.longDate(day, language).capitalizedFirstLetter))</h3>\n"
            guard !sessions.isEmpty else {
                body += "<p class=\"small\">\(h(.noSessions))</p>\n"
                continue
            }
            body += "<table>\n<thead><tr><th>\(h(.headingTime))</th><th>\(h(.headingWorkshopLabel))</th><th>\(h(.headingPlaceLabel))</th>"
            body += "<th>\(h(.headingFacilitatorsLabel))</th><th>\(h(.historyAttendedLabel))</th></tr></thead>\n<tbody>\n"
            for entry in sessions {
                let from = timetable.clock.local(entry.session.start), to = timetable.clock.local(entry.session.end)
                let cancelled = entry.session.cancelled ? h(.cancelledMark) + " " : ""
                body += "<tr><td>\(HTML.escape("\(from.clock)–\(to.clock)"))</td>"
                body += "<td>\(cancelled)\(Board.anchor(Board.link("sessions", entry.session.id.rawValue), TextViews.text(timetable.title(entry), language)))</td>"
                body += "<td>\(HTML.escape(entry.session.place))</td><td>\(HTML.escape(Views.names(entry.facilitators, language)))</td>"
                body += "<td>\(entry.attended)/\(entry.participants)</td></tr>\n"
            }
            body += "</tbody>\n</table>\n"
        }
        body += BattleReportHTML.body(report, language, level: 2)
        return Board.page(request, title: battle.battle.name, body: body)
    }
}

extension String {
    /// A path parameter as typed: percent-encoding undone, or the text itself when it is malformed.
    var removingPercentEncodingOrSelf: String { removingPercentEncoding ?? self }
}
