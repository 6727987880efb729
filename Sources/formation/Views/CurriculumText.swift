import FormationDomain
import FormationUseCases
import FormationViews

/// Curricula and workshops as a facilitator reads them: a workshop reads as a lesson plan.
enum CurriculumText {
    typealias T = TextViews

    static func curricula(_ list: [CurriculumSummary], _ language: Language) -> String {
        guard !list.isEmpty else { return T.t(.emptyList, language) }
        var table = Table(T.t(.headingID, language), T.t(.headingVersion, language), T.t(.headingWorkshops, language),
                          T.t(.headingTitle, language))
        for entry in list {
            table.add(entry.header.id.rawValue, String(entry.header.version), String(entry.workshopCount),
                      T.text(entry.header.title, language))
        }
        return table.render()
    }

    /// `curriculum show`: the header's fields, then the workshops in a table.
    static func curriculum(_ detail: CurriculumBrowsing.CurriculumDetail, _ language: Language) -> String {
        curriculum(detail.header, workshops: detail.workshops, language)
    }

    static func curriculum(_ header: CurriculumHeader, workshops: [WorkshopEntry], _ language: Language) -> String {
        var lines = [T.text(header.title, language) + "  (\(header.id) v\(header.version))", ""]
        if !header.description.isEmpty { lines += wrap(T.text(header.description, language), indent: 0) + [""] }
        var meta: [(String, String)] = [
            (T.t(.headingCouncil, language), header.council),
            (T.t(.headingLicense, language), header.license),
        ]
        if let plant = header.plant { meta.append((T.t(.headingPlant, language), plant)) }
        if let from = header.derivedFrom { meta.append((T.t(.headingDerivedFrom, language), "\(from.curriculum) v\(from.version)")) }
        lines.append(T.fields(meta))
        lines += ["", T.t(.headingWorkshops, language).capitalizedFirst + ":"]
        lines.append(workshopTable(workshops, language))
        return lines.joined(separator: "\n")
    }

    static func workshopTable(_ entries: [WorkshopEntry], _ language: Language) -> String {
        guard !entries.isEmpty else { return T.t(.emptyList, language) }
        var table = Table(T.t(.headingID, language), T.t(.headingDuration, language).uppercased(),
                          T.t(.headingTitle, language))
        for entry in entries {
            let retired = entry.retired ? "[" + T.t(.workshopRetiredMark, language) + "] " : ""
            table.add(entry.ref.description, LocalFormat.minutes(entry.workshop.durationMinutes),
                      retired + T.text(entry.workshop.title, language))
        }
        return table.render()
    }

    /// The lesson plan: what to achieve, what to bring, what to do minute by minute.
    static func workshop(_ detail: CurriculumBrowsing.WorkshopDetail, _ language: Language) -> String {
        let entry = detail.entry, workshop = entry.workshop
        let curriculumTitle = detail.curriculumTitle.map { T.text($0, language) } ?? entry.curriculum.rawValue
        let retired = entry.retired ? " [" + T.t(.workshopRetiredMark, language) + "]" : ""
        var lines = [T.text(workshop.title, language), "(\(entry.ref))" + retired, ""]
        let participants: String = T.t(.participantsRange, language, String(workshop.minParticipants), String(workshop.maxParticipants))
        lines.append(T.fields([
            (T.t(.headingCurriculum, language), curriculumTitle + " (\(entry.curriculum))"),
            (T.t(.headingCategory, language), T.category(workshop.category, language)),
            (T.t(.headingDuration, language), LocalFormat.minutes(workshop.durationMinutes)),
            (T.t(.headingParticipants, language), participants),
        ]))
        if !workshop.summary.isEmpty { lines += [""] + wrap(T.text(workshop.summary, language), indent: 0) }
        func section(_ heading: MessageID, _ items: [String], numbered: Bool = false) {
            guard !items.isEmpty else { return }
            lines += ["", T.t(heading, language) + ":"]
            for (i, item) in items.enumerated() {
                let bullet = numbered ? "\(i + 1). " : "- "
                lines += wrap(item, indent: 2, first: bullet)
            }
        }
        let prerequisites = workshop.prerequisites.map { ref -> String in
            let qualified = ref.qualified(in: entry.curriculum)
            return detail.prerequisiteTitles[qualified].map { "\(qualified) — \(T.text($0, language))" } ?? qualified.description
        }
        section(.headingPrerequisites, prerequisites)
        section(.headingObjectives, workshop.objectives.map { T.text($0, language) }, numbered: true)
        section(.headingMaterials, workshop.materials.map { T.text($0, language) })
        section(.headingCompetencies, workshop.competencies.map { T.text($0, language) })
        if !workshop.outline.isEmpty {
            lines += ["", T.t(.headingOutline, language) + ":"]
            var clock = 0
            for activity in workshop.outline {
                let from = LocalFormat.elapsed(clock), to = LocalFormat.elapsed(clock + activity.minutes)
                clock += activity.minutes
                lines.append("  \(from)–\(to)  \(T.text(activity.title, language)) (\(activity.minutes) min)")
                if !activity.description.isEmpty {
                    lines += wrap(T.text(activity.description, language), indent: 14)
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Wraps `text` to 80 columns, indented; `first` replaces the indent's end on the first line.
    static func wrap(_ text: String, indent: Int, first: String = "", width: Int = 80) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let hang = String(repeating: " ", count: first.count)
        var lines: [String] = []
        var current = pad + first
        var empty = true
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            if !empty, Table.width(current) + 1 + Table.width(String(word)) > width {
                lines.append(current)
                current = pad + hang
                empty = true
            }
            current += (empty ? "" : " ") + word
            empty = false
        }
        lines.append(current)
        return lines
    }
}
