import Foundation
import Testing

/// Text views fit the terminal they are shown on, and are never cut where a script or a file reads
/// them; workshops in the report are in the reader's order.
@Suite struct LayoutTests {
    /// Runs `formation` on a pseudo-terminal (`script`), `columns` wide; returns its lines.
    func onTerminal(_ cli: CLI, columns: Int, _ arguments: String...) throws -> [String] {
        try onTerminal(cli, columns: columns, arguments: arguments)
    }

    func onTerminal(_ cli: CLI, columns: Int, arguments: [String]) throws -> [String] {
        let launcher = ["/bin/bash", "-c", #"exec /usr/bin/script -qec "$(printf '%q ' "$@")" /dev/null"#, "bash"]
        let result = try cli.run(arguments: arguments, environment: ["COLUMNS": String(columns)], launcher: launcher)
        #expect(result.code == 0, "\(arguments): \(result.stdout)")
        return result.stdout.replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init)
    }

    func battle() throws -> CLI {
        let cli = try BattleCommandTests().battle()
        for (workshop, start, end, facilitator) in [("proportion-by-eye", "2026-12-01 09:00", "2026-12-01 11:00", "Ana Rivas"),
                                                     ("plant-maintenance/lockout-tagout", "2026-12-02 08:00", "2026-12-02 11:00", "Beto Salazar")] {
            try #require(try BattleCommandTests().addSession(cli, workshop, start, end, place: "Taller mecánico de la planta de harina",
                                                             facilitator: facilitator).code == 0)
        }
        return cli
    }

    static let views: [[String]] = [
        ["workshop", "list"], ["curriculum", "list"], ["session", "list", "--battle", "Batalla de La Gaviota"],
        ["battle", "check", "Batalla de La Gaviota"], ["battle", "report", "Batalla de La Gaviota"],
        ["battle", "show", "Batalla de La Gaviota"], ["history", "Ana Rivas"], ["workshop", "show", "dimensioning"],
        ["log"], ["workshop", "facilitators", "proportion-by-eye"], ["person", "list"],
    ]

    @Test func everyTextViewFitsTheTerminal() throws {
        let cli = try battle()
        for columns in [80, 60] {
            for view in Self.views {
                let lines = try onTerminal(cli, columns: columns, arguments: view)
                #expect(!lines.isEmpty, "\(view)")
                let wide = lines.filter { CLI.columns($0) > columns }
                #expect(wide.isEmpty, "formation \(view.joined(separator: " ")) at \(columns) columns: \(wide)")
            }
        }
        // Identifiers are never cut: people type them.
        let list = try onTerminal(cli, columns: 60, "workshop", "list")
        #expect(list.contains { $0.hasPrefix("plant-maintenance/restarting-a-repaired-machine ") })
    }

    @Test func nothingIsCutInAPipeOrAFile() throws {
        let cli = try battle()
        let piped = try cli.run("workshop", "list", environment: ["COLUMNS": "40"])
        #expect(!piped.stdout.contains("…"))
        #expect(piped.stdout.contains("Reading a part: views and orthographic projection"), "\(piped.stdout)")
        let file = cli.directory.appendingPathComponent("report.txt")
        _ = try onTerminal(cli, columns: 40, "battle", "report", "Batalla de La Gaviota", "-o", file.path)
        let report = try String(contentsOf: file, encoding: .utf8)
        #expect(report.contains("Line, circle and proportion by eye"), "\(report)")
        #expect(report.split(separator: "\n").contains { CLI.columns(String($0)) > 40 })
    }

    @Test func theReportListsWorkshopsByTitleInTheReadersLanguage() throws {
        let cli = try battle()
        func titles(_ language: String) throws -> [String] {
            let report = try cli.run("battle", "report", "Batalla de La Gaviota", "--lang", language).stdout
            let lines = report.split(separator: "\n").map(String.init)
            let start = try #require(lines.firstIndex { $0.hasPrefix(language == "es" ? "TALLER" : "WORKSHOP") })
            return lines[(start + 1)...].prefix { !$0.isEmpty }.map { $0 }
        }
        let english = try titles("en"), spanish = try titles("es")
        // "Line, circle…" before "Lockout…" in English; "Bloqueo…" before "Línea…" in Spanish.
        #expect(english.first?.hasPrefix("Line, circle") == true, "\(english)")
        #expect(spanish.first?.hasPrefix("Bloqueo") == true, "\(spanish)")
    }
}

extension CLI {
    /// Display columns: one per Unicode scalar that is not a combining mark.
    static func columns(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { $0 + ($1.properties.generalCategory == .nonspacingMark ? 0 : 1) }
    }
}
