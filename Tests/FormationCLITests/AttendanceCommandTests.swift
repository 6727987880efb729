import Foundation
import Testing

/// Issue 16: attendance from paper never loses a sheet, never changes a role silently, and says
/// what it did.
@Suite struct AttendanceCommandTests {
    static let people = ["Ana Rivas", "Carmen Useche", "Omar Quintero", "Rondón, José", "Begoña Núñez", "María Pérez", "Núñez, Begoña"]

    /// A battle, people from another plant, and a session facilitated by Ana with three registered.
    func session(language: String = "en") throws -> (CLI, String) {
        var cli = try CLI()
        cli.language = language
        let battle = try cli.prepareBattle()
        try cli.expectSuccess(cli.run("plant", "add", "Complejo Refinador Paraguaná", "--state", "Falcón"))
        for name in Self.people { try cli.expectSuccess(cli.run("person", "add", name, "--plant", "Complejo Refinador Paraguaná")) }
        let session = try cli.add("session", "add", "--battle", battle, "--workshop", "freehand-drawing/proportion-by-eye",
                                  "--start", "2026-12-02 08:00", "--end", "2026-12-02 10:00", "--place", "Taller",
                                  "--facilitator", "Ana Rivas", "--force")
        try cli.expectSuccess(cli.run("attend", String(session.prefix(8)), "Carmen Useche", "Rondón, José", "Omar Quintero"))
        return (cli, session)
    }

    func write(_ cli: CLI, _ text: String, _ name: String = "hoja.csv") throws -> String {
        let url = cli.directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func listed(_ cli: CLI) throws -> [String: Any] {
        let sessions = try #require(try cli.json("session", "list", "--battle", "Batalla de La Gaviota") as? [[String: Any]])
        return try #require(sessions.first)
    }

    func facilitators(_ cli: CLI) throws -> [String] {
        ((try listed(cli))["facilitators"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
    }

    /// The cells of the printed sheet's table: the column headings, then each row.
    func printedTable(_ html: String) throws -> (headings: [String], rows: [[String]]) {
        func cells(_ text: Substring, _ tag: String) -> [String] {
            text.components(separatedBy: "<\(tag) class=\"").dropFirst().map { cell in
                let content = cell[cell.index(after: try! #require(cell.firstIndex(of: ">")))...]
                return String(content[..<content.range(of: "</\(tag)>")!.lowerBound])
            }
        }
        let head = try #require(html.range(of: "</tr>\n<tr>")), body = try #require(html.range(of: "<tbody>"))
        let headings = cells(html[head.upperBound..<body.lowerBound], "th")
        let rows = html[body.upperBound...].components(separatedBy: "<tr>").dropFirst().map { cells(Substring($0), "td") }
        return (headings, rows)
    }

    func csvField(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// Print → sign → type exactly as printed → load.
    @Test func aSheetTypedAsPrintedLoadsAndKeepsTheFacilitator() throws {
        let (cli, session) = try session(language: "es")
        let html = cli.directory.appendingPathComponent("hoja.html").path
        try cli.expectSuccess(cli.run("session", "sheet", String(session.prefix(8)), "-o", html))
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("formation attend \(session) --csv hoja.csv"))
        #expect(!page.contains("SESIÓN"))
        let (headings, rows) = try printedTable(page)
        #expect(headings == ["#", "Nombre", "Rol", "Planta", "Firma"])
        #expect(rows.prefix(4).map { $0[1] } == ["Ana Rivas", "Carmen Useche", "Omar Quintero", "Rondón, José"])
        #expect(rows.prefix(4).allSatisfy { $0[3] == "Complejo Refinador Paraguaná" }, "the Plant column is filled")
        #expect(rows.count == 1 + 16, "the facilitator and the workshop's 16 seats")
        // Signed: Ana (the facilitator), Carmen, José and a walk-in written on blank row 5; Omar did not sign.
        var typed = [headings.joined(separator: ",")]
        for (index, row) in rows.enumerated() {
            var cells = row.map { $0.replacingOccurrences(of: "&#39;", with: "'") }
            if index == 4 { cells[1] = "Begoña Núñez" }
            if ["Ana Rivas", "Carmen Useche", "Rondón, José", "Begoña Núñez"].contains(cells[1]) { cells[4] = "firma" }
            typed.append(cells.map(csvField).joined(separator: ","))
        }
        let csv = try write(cli, typed.joined(separator: "\r\n") + "\r\n")
        let result = try cli.run("attend", String(session.prefix(8)), "--csv", csv)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stderr == "formation: 4 asistieron, 1 inscrito (sesión \(session.prefix(8)))\n")
        let entry = try listed(cli)
        #expect(try facilitators(cli) == ["Ana Rivas"])
        #expect(entry["participants"] as? Int == 4)
        #expect(entry["attended"] as? Int == 3)
    }

    @Test func theIssuesWindowsSheetRecordsItsRow() throws {
        let (cli, session) = try session()
        let csv = try write(cli, "nombre,estado\r\nOmar Quintero,asistió\r\n")
        let result = try cli.run("attend", String(session.prefix(8)), "--csv", csv)
        #expect(result.code == 0)
        #expect(result.stderr == "formation: 1 attended (session \(session.prefix(8)))\n")
        #expect(try listed(cli)["attended"] as? Int == 1)
    }

    @Test func spanishExcelSheetLoadsWithANotice() throws {
        let (cli, session) = try session(language: "es")
        let fixture = CLI.repositoryRoot.appendingPathComponent("Tests/FormationUseCasesTests/Fixtures/sheets/excel-es-windows-1252.csv")
        let result = try cli.run("attend", String(session.prefix(8)), "--csv", fixture.path)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stderr.contains("no está en UTF-8; se leyó como Windows-1252"))
        #expect(result.stderr.contains("2 asistieron, 1 ausente (sesión"))
        // When such a sheet fails, the notice comes with its problems: it may explain them.
        let bad = cli.directory.appendingPathComponent("mala.csv")
        try Data([0x4E, 0x6F, 0x6D, 0x62, 0x72, 0x65, 0x0D, 0x0A, 0x4E, 0x61, 0x64, 0xED, 0x61, 0x0D, 0x0A]).write(to: bad)  // Nombre, Nadía
        let failed = try cli.run("attend", String(session.prefix(8)), "--csv", bad.path)
        #expect(failed.code == 65)
        #expect(failed.stderr.split(separator: "\n").map(String.init) == [
            "formation: \(bad.path): no está en UTF-8; se leyó como Windows-1252, como la guarda Excel en español",
            "\(bad.path):2:1: error: ninguna persona coincide con 'Nadía'",
            "formation: no se escribió nada",
        ])
    }

    @Test func fiveThousandRowsLoadExactly() throws {
        let (cli, session) = try session()
        // 5,000 people straight into the database (5,000 `person add` would take minutes).
        _ = try SQLiteShell.run(cli.database, """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
            INSERT INTO person (id, name) SELECT lower(hex(randomblob(16))), printf('Trabajador %04d', i) FROM n;
            """)
        let fixture = CLI.repositoryRoot.appendingPathComponent("Tests/FormationUseCasesTests/Fixtures/sheets/five-thousand.csv")
        let result = try cli.run("attend", String(session.prefix(8)), "--csv", fixture.path, "--force")
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("formation: 3334 attended, 1666 absent (session \(session.prefix(8)))\n"))
        #expect(try SQLiteShell.count(cli.database, "participation WHERE personId IN (SELECT id FROM person WHERE name LIKE 'Trabajador %')") == 5000)
        #expect(try SQLiteShell.count(cli.database, "participation WHERE status = 'absent'") == 1666)
    }

    @Test func everyProblemNamesItsLineAndNothingIsRecorded() throws {
        let (cli, session) = try session()
        let before = try SQLiteShell.dump(cli.database)
        let csv = try write(cli, "Participante;Asistencia\nCarmen Useche;sí\nNadie Conocido;sí\nOmar Quintero;quizás\nOtro Fantasma\n")
        let result = try cli.run("attend", String(session.prefix(8)), "--csv", csv)
        #expect(result.code == 65)
        #expect(result.stderr.split(separator: "\n").map(String.init) == [
            "\(csv):3:1: error: no person matches 'Nadie Conocido'",
            "\(csv):4:1: error: unknown status 'quizás': use attended, absent or registered (asistió, ausente, inscrito)",
            "\(csv):5:1: error: no person matches 'Otro Fantasma'",
            "formation: nothing was written",
        ])
        #expect(try SQLiteShell.dump(cli.database) == before)
    }

    @Test func rolesChangeOnlyWhenAskedAndSaySo() throws {
        let (cli, session) = try session()
        let short = String(session.prefix(8))
        // Marking the facilitator attended keeps her facilitator.
        let attended = try cli.run("attend", short, "Ana Rivas", "--status", "attended")
        #expect(attended.code == 0)
        #expect(try facilitators(cli) == ["Ana Rivas"])
        // A sheet that says otherwise is refused, naming the line.
        let csv = try write(cli, "Nombre,Rol,Firma\nCarmen Useche,participante,x\nAna Rivas,participante,x\n")
        let refused = try cli.run("attend", short, "--csv", csv)
        #expect(refused.code == 65)
        #expect(refused.stderr.contains("\(csv):3:1: error: Ana Rivas is facilitator in this session but the sheet says participant"))
        // --role is the explicit way, and it is reported.
        let changed = try cli.run("attend", short, "Omar Quintero", "--role", "facilitator", "--force")
        #expect(changed.code == 0)
        #expect(changed.stderr.contains("formation: Omar Quintero: role changed from participant to facilitator"))
        #expect(try facilitators(cli) == ["Ana Rivas", "Omar Quintero"])
        let demoted = try cli.run("attend", short, "Ana Rivas", "Omar Quintero", "--role", "participant")
        #expect(demoted.stderr.contains("session \(short) has no facilitator now"))
    }

    @Test func removeTakesPeopleOff() throws {
        let (cli, session) = try session(language: "es")
        let short = String(session.prefix(8))
        let removed = try cli.run("attend", short, "Omar Quintero", "--remove")
        #expect(removed.code == 0)
        #expect(removed.stderr == "formation: quitados de la sesión \(short): Omar Quintero\n")
        #expect(try listed(cli)["participants"] as? Int == 2)
        let again = try cli.run("attend", short, "Omar Quintero", "--remove")
        #expect(again.code == 65)
        #expect(again.stderr.contains("Omar Quintero no está en la sesión \(short)"))
        #expect(try cli.run("attend", short, "--csv", "x.csv", "--remove").code == 64)
    }

    @Test func cancelledSessionsSayAndRefuseAttendanceAndSheets() throws {
        let (cli, session) = try session()
        let short = String(session.prefix(8))
        let cancelled = try cli.run("session", "cancel", short)
        #expect(cancelled.code == 0)
        #expect(cancelled.stderr == "formation: cancelled session \(short): freehand-drawing/proportion-by-eye, 2026-12-02 08:00–10:00, Taller; its 4 people are free at that time\n")
        let twice = try cli.run("session", "cancel", short)
        #expect(twice.code == 0)
        #expect(twice.stderr.contains("session \(short) was already cancelled"))
        let before = try SQLiteShell.dump(cli.database)
        let attend = try cli.run("attend", short, "Begoña Núñez", "--status", "attended")
        #expect(attend.code == 65)
        #expect(attend.stderr == "formation: error: session \(short) is cancelled: no attendance is recorded for it\n")
        #expect(try cli.run("attend", short, "Omar Quintero", "--remove").code == 65)
        let sheet = try cli.run("session", "sheet", short)
        #expect(sheet.code == 65 && sheet.stdout.isEmpty)
        #expect(try SQLiteShell.dump(cli.database) == before)
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let pdfinfo = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo")

    /// Scripts/sheet-print-check.sh: 16 seats on one Letter (and A4) page, 30 seats with the
    /// heading on every page. Skipped where Chromium or poppler-utils are not installed.
    @Test(.enabled(if: chromium != nil && pdfinfo, "needs chromium and poppler-utils"))
    func printedSheetsFitThePageAndRepeatTheirHeading() throws {
        let check = try ChildProcess.run(CLI.repositoryRoot.appendingPathComponent("Scripts/sheet-print-check.sh").path,
                                         arguments: [CLI.binary.path], environment: ProcessInfo.processInfo.environment)
        let output = String(decoding: check.stdout, as: UTF8.self)
        #expect(check.status == 0, "\(output)")
        #expect(output.split(separator: "\n").map(String.init) == ["16 Letter 1 yes", "16 A4 1 yes", "30 Letter 2 yes", "30 A4 2 yes"])
    }
}
