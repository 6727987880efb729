internal import FormationDomain
internal import FormationUseCases
internal import FormationViews
internal import Hummingbird

/// `/curricula`, `/curricula/<id>` and `/workshops/<curriculum>/<workshop>`: the packs, their
/// workshops, and a workshop's lesson plan with who can teach it and how it spread.
extension Board {
    func curricula(_ request: Request) throws -> Response {
        let h = PageWords(request), language = h.language
        let items = try CurriculumBrowsing(store: store).curricula().map { entry in
            "<li>\(Board.anchor(Board.link("curricula", entry.header.id.rawValue), TextViews.text(entry.header.title, language)))"
                + " <span class=\"small\">\(HTML.escape("\(entry.header.id) v\(entry.header.version) · "))\(h(.webWorkshopCount, String(entry.workshopCount)))</span></li>\n"
        }
        return Board.listPage(request, title: TextViews.t(.webCurricula, language), items: items)
    }

    func curriculum(_ request: Request, _ query: String) throws -> Response {
        let language = PageLanguage.of(request)
        let detail = try CurriculumBrowsing(store: store).curriculum(query.removingPercentEncodingOrSelf)
        let header = detail.header
        let title = TextViews.text(header.title, language)
        var body = "<h1>\(HTML.escape(title))</h1>\n<p class=\"meta\">\(HTML.escape("\(header.id) v\(header.version) · \(header.council) · \(header.license)"))</p>\n"
        if !header.description.isEmpty { body += "<p>\(HTML.escape(TextViews.text(header.description, language)))</p>\n" }
        body += "<ul class=\"list\">\n"
        for entry in detail.workshops {
            let retired = entry.retired ? HTML.escape(TextViews.t(.workshopRetiredMark, language)) + " " : ""
            body += "<li>\(retired)\(Board.anchor(Board.link("workshops", entry.curriculum.rawValue, entry.workshop.id.rawValue), TextViews.text(entry.workshop.title, language)))"
            body += " <span class=\"small\">\(HTML.escape(LocalFormat.minutes(entry.workshop.durationMinutes)))</span></li>\n"
        }
        body += "</ul>\n"
        return Board.page(request, title: title, body: body)
    }

    func workshop(_ request: Request, _ query: String) throws -> Response {
        let language = PageLanguage.of(request)
        let ref = query.removingPercentEncodingOrSelf
        let detail = try CurriculumBrowsing(store: store).workshop(ref)
        let facilitators = try WorkshopFacilitators.load(store, workshop: ref, near: nil, now: now())
        let lineage = try WorkshopLineage.load(store, workshop: ref, now: now())
        let title = TextViews.text(detail.entry.workshop.title, language)
        var body = WorkshopHTML.lessonPlan(detail, language)
        body += "<h2>\(HTML.escape(TextViews.t(.webWhoCanTeach, language)))</h2>\n"
        if facilitators.candidates.isEmpty {
            body += "<p>\(HTML.escape(TextViews.t(.facilitatorsEmpty, language)))</p>\n"
        } else {
            body += "<ul class=\"list\">\n"
            for entry in facilitators.candidates {
                let candidate = entry.candidate
                let mark = candidate.qualified ? " " + TextViews.t(.facilitatorsQualifiedMark, language) : ""
                body += "<li>\(Board.anchor(Board.link("people", candidate.person.rawValue), candidate.name + mark))"
                body += " <span class=\"small\">\(HTML.escape(TextViews.t(.webTaughtAttended, language, String(candidate.taught), String(candidate.attended), entry.plantName ?? "—")))</span></li>\n"
            }
            body += "</ul>\n"
        }
        body += "<h2>\(HTML.escape(TextViews.t(.webLineage, language)))</h2>\n"
        body += LineageSVG.render(lineage, language)
        return Board.page(request, title: title, body: body)
    }
}
