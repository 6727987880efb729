public import FormationDomain
public import FormationUseCases

/// A workshop's lesson plan as HTML, the same content as `workshop show`: what to achieve, what to
/// bring, what to do minute by minute.
public enum WorkshopHTML {
    public static func lessonPlan(_ detail: CurriculumBrowsing.WorkshopDetail, _ language: Language) -> String {
        func h(_ id: MessageID, _ arguments: String...) -> String { HTML.escape(TextViews.t(id, language, arguments)) }
        let entry = detail.entry, workshop = entry.workshop
        let curriculumTitle = detail.curriculumTitle.map { TextViews.text($0, language) } ?? entry.curriculum.rawValue
        var body = "<h1>\(HTML.escape(TextViews.text(workshop.title, language)))</h1>\n"
        body += "<p class=\"meta\">\(HTML.escape(entry.ref.description))"
        if entry.retired { body += " [\(h(.workshopRetiredMark))]" }
        body += "</p>\n<table>\n"
        let rows: [(MessageID, String)] = [
            (.headingCurriculum, "\(curriculumTitle) (\(entry.curriculum))"),
            (.headingCategory, TextViews.category(workshop.category, language)),
            (.headingDuration, LocalFormat.minutes(workshop.durationMinutes)),
            (.headingParticipants, TextViews.t(.participantsRange, language, String(workshop.minParticipants), String(workshop.maxParticipants))),
        ]
        for (label, value) in rows { body += "<tr><th>\(HTML.escape(TextViews.t(label, language).capitalizedFirst))</th><td>\(HTML.escape(value))</td></tr>\n" }
        body += "</table>\n"
        if !workshop.summary.isEmpty { body += "<p>\(HTML.escape(TextViews.text(workshop.summary, language)))</p>\n" }
        func section(_ heading: MessageID, _ items: [String], numbered: Bool = false) {
            guard !items.isEmpty else { return }
            let tag = numbered ? "ol" : "ul"
            body += "<h2>\(h(heading))</h2>\n<\(tag)>\n" + items.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</\(tag)>\n"
        }
        section(.headingPrerequisites, workshop.prerequisites.map { ref in
            let qualified = ref.qualified(in: entry.curriculum)
            return detail.prerequisiteTitles[qualified].map { "\(TextViews.text($0, language)) (\(qualified))" } ?? qualified.description
        })
        section(.headingObjectives, workshop.objectives.map { TextViews.text($0, language) }, numbered: true)
        section(.headingMaterials, workshop.materials.map { TextViews.text($0, language) })
        section(.headingCompetencies, workshop.competencies.map { TextViews.text($0, language) })
        if !workshop.outline.isEmpty {
            body += "<h2>\(h(.headingOutline))</h2>\n<table>\n"
            var clock = 0
            for activity in workshop.outline {
                let from = LocalFormat.elapsed(clock), to = LocalFormat.elapsed(clock + activity.minutes)
                clock += activity.minutes
                body += "<tr><td>\(HTML.escape("\(from)–\(to)"))</td><td><strong>\(HTML.escape(TextViews.text(activity.title, language)))</strong>"
                if !activity.description.isEmpty { body += "<br>\(HTML.escape(TextViews.text(activity.description, language)))" }
                body += "</td></tr>\n"
            }
            body += "</table>\n"
        }
        return body
    }

}
