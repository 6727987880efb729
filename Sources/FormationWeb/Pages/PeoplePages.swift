internal import FormationDomain
internal import FormationUseCases
internal import FormationViews
internal import Foundation
internal import Hummingbird

/// `/people?q=` and `/people/<id>`: find a worker as they type their name, then their learning record.
extension Board {
    func people(_ request: Request) throws -> Response {
        let h = PageWords(request), language = h.language
        // Decoded as a form (`+` is a space), which is how a browser sends a GET form.
        let query = FormBody(request.uri.query ?? "")["q"] ?? ""
        var body = "<h1>\(h(.webPeople))</h1>\n"
        body += "<form method=\"get\" action=\"/people\" role=\"search\">\n<label for=\"q\">\(h(.webSearchLabel))</label><br>\n"
        body += "<input id=\"q\" name=\"q\" type=\"search\" value=\"\(HTML.escape(query))\" autocomplete=\"off\" autofocus>\n"
        body += "<button type=\"submit\">\(h(.webSearchButton))</button>\n</form>\n"
        if !query.trimmingCharacters(in: .whitespaces).isEmpty {
            let found = try Programme(store: store).search(query)
            if found.isEmpty {
                body += "<p>\(h(.webSearchNone, query))</p>\n"
            } else {
                body += "<ul class=\"list\">\n"
                for entry in found {
                    body += "<li>\(Board.anchor(Board.link("people", entry.person.id.rawValue), entry.person.name))"
                    if let plant = entry.plantName { body += " <span class=\"small\">\(HTML.escape(plant))</span>" }
                    body += "</li>\n"
                }
                body += "</ul>\n"
            }
        }
        return Board.page(request, title: TextViews.t(.webPeople, language), body: body)
    }

    /// The same record as `history --format html`, inside the board's frame.
    func person(_ request: Request, _ query: String) throws -> Response {
        let language = PageLanguage.of(request)
        let history = try LearningHistory.load(store, person: query.removingPercentEncodingOrSelf, now: now())
        return Board.page(request, title: HistoryHTML.title(history, language), body: HistoryHTML.body(history, language))
    }
}
