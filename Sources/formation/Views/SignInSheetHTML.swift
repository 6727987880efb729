import FormationDomain
import FormationUseCases
import FormationViews

/// A printable sign-in sheet for one session, in the columns `attend --csv` reads
/// (`SheetColumn.printed`): facilitators and registered people pre-filled, blank rows for those
/// who come without registering, every row the same height. The session's heading repeats at the
/// top of every page (a table heading); the page fits A4 and Letter alike.
enum SignInSheetHTML {
    static func render(_ sheet: SignInSheet, language: Language) -> String {
        let t = { (id: MessageID) in TextViews.t(id, language) }
        let session = sheet.session, timetable = sheet.timetable
        let title = timetable.workshops[session.workshop].map { TextViews.text($0.title, language) } ?? session.workshop.description
        let local = timetable.clock.local(session.start)
        let battle = "\(timetable.battle.battle.name) — \(timetable.battle.plantName)"
        let date = LocalFormat.longDate(local.date, language)
        let time = "\(local.clock)–\(timetable.clock.local(session.end).clock)"
        var body = "<h1>\(HTML.escape(t(.sheetTitle))): \(HTML.escape(title)) <span class=\"small\">(\(HTML.escape(session.workshop.description)))</span></h1>\n"
        let meta: [(MessageID, String)] = [
            (.headingBattle, battle),
            (.headingDate, date),
            (.headingTime, "\(time) (\(timetable.battle.battle.timeZone))"),
            (.headingPlaceLabel, session.place),
            (.headingFacilitatorsLabel, sheet.facilitators.joined(separator: ", ")),
            (.headingSessionID, session.id.rawValue),
        ]
        body += "<div class=\"meta\">\n"
        for (label, value) in meta {
            body += "<p><strong>\(HTML.escape(t(label))):</strong> \(HTML.escape(value))</p>\n"
        }
        body += "</div>\n<table class=\"sheet\">\n<colgroup>"
        // Column widths on <col>: with a fixed layout the first row decides them, and that row
        // is the repeated heading spanning all columns.
        for column in SheetColumn.printed { body += "<col class=\"\(cssClass(column))\">" }
        body += "</colgroup>\n<thead>\n"
        // Repeated on every printed page: which session this page belongs to.
        let repeated = [t(.sheetTitle), title, battle, "\(date) \(time)", "\(t(.headingSessionID)) \(session.id.short)"]
        body += "<tr class=\"repeat\"><th colspan=\"\(SheetColumn.printed.count)\">\(HTML.escape(repeated.joined(separator: " · ")))</th></tr>\n<tr>"
        for column in SheetColumn.printed {
            body += "<th class=\"\(cssClass(column))\">\(HTML.escape(t(column.heading)))</th>"
        }
        body += "</tr>\n</thead>\n<tbody>\n"
        for row in sheet.rows {
            body += "<tr>"
            for column in SheetColumn.printed {
                body += "<td class=\"\(cssClass(column))\">\(HTML.escape(cell(row, column, language)))</td>"
            }
            body += "</tr>\n"
        }
        body += "</tbody>\n</table>\n"
        body += "<p class=\"small footer\">\(HTML.escape(TextViews.t(.sheetFooter, language, sheet.command)))</p>\n"
        return HTML.page(title: t(.sheetTitle) + " — " + title, language: language.rawValue, body: body, style: style)
    }

    private static func cell(_ row: SignInSheet.Row, _ column: SheetColumn, _ language: Language) -> String {
        switch column {
        case .number: String(row.number)
        case .person: row.name
        case .role: row.role.map { $0.message.text(language) } ?? ""
        case .plant: row.plant
        case .signature, .status: ""
        }
    }

    private static func cssClass(_ column: SheetColumn) -> String {
        switch column {
        case .number: "number"
        case .person: "person"
        case .role: "role"
        case .plant: "plant"
        case .signature: "sign"
        case .status: "status"
        }
    }

    /// Sizes in millimetres: 1 heading block + 2 heading rows + 18 rows of 9 mm + the footer fit the
    /// 255 mm a Letter page leaves inside 12 mm margins (A4 is taller), so 16 seats and 2
    /// facilitators print on one page; longer sheets break between rows.
    static let style = """
        @page { margin: 12mm; }
        @media print { body { margin: 0; } }
        h1 { font-size: 1.25em; }
        .meta { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1.5em; font-size: .9em; }
        .meta p { margin: .05em 0; }
        table.sheet { table-layout: fixed; margin-top: .5em; }
        table.sheet thead { display: table-header-group; }
        table.sheet tr.repeat th { background: none; border: none; font-weight: normal; font-size: .8em; padding: 0 0 1mm; }
        table.sheet tbody tr { height: 9mm; break-inside: avoid; page-break-inside: avoid; }
        table.sheet td { vertical-align: middle; padding: 0 .5em; overflow: hidden; white-space: nowrap; }
        table.sheet col.number { width: 9mm; }
        table.sheet col.role { width: 30mm; }
        table.sheet col.plant { width: 32mm; }
        table.sheet col.sign { width: 55mm; }
        table.sheet td.number { text-align: right; }
        .footer { margin-top: .6em; break-inside: avoid; }
        """
}
