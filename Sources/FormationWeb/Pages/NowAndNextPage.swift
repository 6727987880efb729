internal import FormationDomain
internal import FormationUseCases
internal import FormationViews
internal import Hummingbird

/// `/`: the current battle's sessions under way and next, place by place, large and legible.
extension Board {
    func nowAndNext(_ request: Request) throws -> Response {
        let t = PageWords(request), language = t.language
        guard let board = try NowAndNext.load(store, now: now()) else {
            return Board.page(request, title: TextViews.t(.webNowTitle, language),
                              body: "<h1>\(t(.webNowTitle))</h1>\n<p>\(t(.webNoBattle))</p>\n")
        }
        let timetable = board.timetable, battle = timetable.battle
        var body = "<h1>\(t(.webNowTitle))</h1>\n"
        body += "<p class=\"meta\">\(Board.anchor(Board.link("battles", battle.battle.id.rawValue), battle.battle.name)) · "
        body += "\(HTML.escape(battle.plantName)) · \(HTML.escape(LocalFormat.longDate(board.local.date, language).capitalizedFirstLetter)), "
        body += "\(HTML.escape(board.local.clock))</p>\n"
        if board.places.isEmpty { body += "<p>\(t(.webNothingNow))</p>\n" }
        for place in board.places {
            body += "<section class=\"card\">\n<div class=\"place\">\(HTML.escape(place.place))</div>\n"
            if let running = place.now {
                body += "<p class=\"now\"><span class=\"label\">\(t(.webNowLabel))</span> " + Self.line(running, timetable, language) + "</p>\n"
            }
            if let next = place.next {
                body += "<p><span class=\"label\">\(t(.webNextLabel))</span> " + Self.line(next, timetable, language) + "</p>\n"
            }
            body += "</section>\n"
        }
        return Board.page(request, title: TextViews.t(.webNowTitle, language), body: body)
    }

    /// `09:00–11:00 Freehand drawing — facilitators · 3 of 12 came`, the title a link to the session.
    static func line(_ entry: SessionEntry, _ timetable: Timetable, _ language: Language) -> String {
        let from = timetable.clock.local(entry.session.start), to = timetable.clock.local(entry.session.end)
        var html = "<strong>\(HTML.escape("\(from.clock)–\(to.clock)"))</strong> "
        html += anchor(link("sessions", entry.session.id.rawValue), TextViews.text(timetable.title(entry), language))
        html += "<br><span class=\"small\">\(HTML.escape(TextViews.t(.headingFacilitatorsLabel, language))): "
        html += "\(HTML.escape(Views.names(entry.facilitators, language))) · "
        html += "\(HTML.escape(TextViews.t(.webCame, language, String(entry.attended), String(entry.participants))))</span>"
        return html
    }
}
