import FormationDomain
import FormationStorage
import FormationUseCases

/// A printable sign-in sheet for one session: who is registered, and blank rows for those who
/// come without registering. Typed back in with `formation attend SESSION --csv`.
enum SignInSheetHTML {
    static func render(store: FormationStore, session id: EntityID, language: Language) throws -> String {
        let (session, people) = try store.reading { tx in (try tx.session(id), try tx.participations(of: id)) }
        guard let session else { throw LookupError.notFound(kind: .session, query: id.rawValue) }
        let timetable = try Timetable.load(store, battleID: session.battle)
        let title = timetable.workshops[session.workshop].map { TextViews.text($0.title, language) } ?? session.workshop.description
        let t = { (id: MessageID) in TextViews.t(id, language) }
        let facilitators = people.filter { $0.participation.role == .facilitator }.map(\.name)
        let participants = people.filter { $0.participation.role == .participant }
        var body = "<h1>\(HTML.escape(t(.sheetTitle)))</h1>\n"
        body += "<h2>\(HTML.escape(title)) <span class=\"small\">(\(HTML.escape(session.workshop.description)))</span></h2>\n"
        let local = timetable.clock.local(session.start)
        let meta: [(MessageID, String)] = [
            (.headingBattle, "\(timetable.battle.battle.name) — \(timetable.battle.plantName)"),
            (.headingDate, LocalFormat.longDate(local.date, language)),
            (.headingTime, "\(local.clock)–\(timetable.clock.local(session.end).clock) (\(timetable.battle.battle.timeZone))"),
            (.headingPlaceLabel, session.place),
            (.headingFacilitatorsLabel, facilitators.joined(separator: ", ")),
            (.headingSessionID, session.id.rawValue),
        ]
        for (label, value) in meta {
            body += "<p class=\"meta\"><strong>\(HTML.escape(t(label))):</strong> \(HTML.escape(value))</p>\n"
        }
        body += "<table>\n<thead><tr><th>#</th><th>\(HTML.escape(t(.sheetName)))</th><th>\(HTML.escape(t(.sheetPlant)))</th>"
        body += "<th>\(HTML.escape(t(.sheetSignature)))</th></tr></thead>\n<tbody>\n"
        var row = 0
        for person in participants {
            row += 1
            body += "<tr><td>\(row)</td><td>\(HTML.escape(person.name))</td><td></td><td class=\"sign\"></td></tr>\n"
        }
        let blanks = max(5, (timetable.workshops[session.workshop]?.maxParticipants ?? 20) - participants.count)
        for _ in 0..<blanks {
            row += 1
            body += "<tr class=\"blank\"><td>\(row)</td><td></td><td></td><td class=\"sign\"></td></tr>\n"
        }
        body += "</tbody>\n</table>\n<p class=\"small\">\(HTML.escape(t(.sheetFooter)))</p>\n"
        return HTML.page(title: t(.sheetTitle) + " — " + title, language: language.rawValue, body: body)
    }
}
