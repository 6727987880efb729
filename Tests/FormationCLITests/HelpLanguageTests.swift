import Foundation
import Testing

/// Every page of help, at every depth, reads in one language: in Spanish neither the parser's
/// English frame (`OVERVIEW:`, `Show the version.`, `(values: …)`, `<path>`) nor English words;
/// in English none of the Spanish frame.
@Suite struct HelpLanguageTests {
    /// Every command path, from the top (`[]`) down, found by reading the help's subcommand lists.
    func everyCommand(_ cli: CLI, heading: String, language: String) throws -> [String: String] {
        var pages: [String: String] = [:]
        var pending: [[String]] = [[]]
        while let path = pending.popLast() {
            let result = try cli.run(arguments: path + ["--help"], environment: ["FORMATION_LANG": language], useDatabaseFlag: false)
            #expect(result.code == 0, "\(path): \(result.stderr)")
            pages[path.joined(separator: " ")] = result.stdout
            var inList = false
            for line in result.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
                if line == heading { inList = true; continue }
                if inList, line.isEmpty { break }
                if inList, line.hasPrefix("  "), line.dropFirst(2).first != " ", let name = line.split(separator: " ").first, name.first?.isLetter == true {
                    pending.append(path + [String(name)])
                }
            }
        }
        return pages
    }

    /// The page's words, leaving out what is typed as it is in any language: the usage line, option
    /// names (`--battle`, `-h`), subcommand names where they are listed or referred to.
    static func words(_ page: String) -> Set<String> {
        var words: Set<String> = []
        for line in page.split(separator: "\n") where !line.hasPrefix("USO:") && !line.hasPrefix("USAGE:") {
            let line = line.replacingOccurrences(of: "'formation[^']*'", with: "", options: .regularExpression)
            var tokens = line.split(separator: " ")
            if line.hasPrefix("  "), line.dropFirst(2).first?.isLetter == true { tokens.removeFirst() }
            for token in tokens where !token.hasPrefix("-") {
                words.formUnion(token.split { !$0.isLetter }.map(String.init))
            }
        }
        return words
    }

    @Test func everyHelpPageIsSpanishInSpanish() throws {
        let cli = try CLI()
        let pages = try everyCommand(cli, heading: "SUBÓRDENES:", language: "es")
        #expect(pages.count >= 40)
        let english: Set<String> = ["OVERVIEW", "USAGE", "OPTIONS", "ARGUMENTS", "SUBCOMMANDS", "Show", "See", "the", "of", "and",
                                    "with", "from", "which", "default", "values", "when", "this", "for", "help", "information",
                                    "path", "file", "battle", "person", "people", "place", "name", "subcommand"]
        for (path, page) in pages {
            let found = Self.words(page).intersection(english)
            #expect(found.isEmpty, "formation \(path) --help in Spanish has \(found.sorted()):\n\(page)")
            #expect(page.hasPrefix("DESCRIPCIÓN: "), "\(path)")
            let wide = page.split(separator: "\n").filter { !$0.hasPrefix("USO:") && $0.count > 80 }
            #expect(wide.isEmpty, "formation \(path) --help has lines over 80 columns: \(wide)")
        }
    }

    @Test func everyHelpPageIsEnglishInEnglish() throws {
        let cli = try CLI()
        let pages = try everyCommand(cli, heading: "SUBCOMMANDS:", language: "en")
        #expect(pages.count >= 40)
        let spanish: Set<String> = ["DESCRIPCIÓN", "USO", "OPCIONES", "ARGUMENTOS", "Muestra", "Vea", "valores", "defecto",
                                    "ruta", "archivo", "batalla", "persona", "sesión", "taller", "una", "los", "las", "para", "que"]
        for (path, page) in pages {
            let found = Self.words(page).intersection(spanish)
            #expect(found.isEmpty, "formation \(path) --help in English has \(found.sorted()):\n\(page)")
            #expect(page.hasPrefix("OVERVIEW: "), "\(path)")
        }
    }
    /// Mistakes typed in Spanish are answered in Spanish, on one line: the parser's errors, bad
    /// values and dates, unknown names, files that are not there or not XML.
    @Test func badInvocationsAreAnsweredInSpanish() throws {
        let cli = try CLI()
        let notXML = cli.directory.appendingPathComponent("hoja.xml")
        try Data("nombre;estado\nAna;asistió\n".utf8).write(to: notXML)
        let mistakes: [[String]] = [
            ["sesion", "list"], ["session", "list", "--batalla", "X"], ["session", "add", "--battle", "X"],
            ["plant", "add", "Amuay", "--state", "Falcón", "--ownership", "cooperativa"], ["person", "add"],
            ["battle", "add", "B", "--plant", "Nada", "--start", "30/2/2026", "--end", "1/3/2026"],
            ["history", "Maria Peres"], ["import", "/no/existe.xml"], ["import", notXML.path], ["undo", "999"],
            ["workshop", "show", "isometric"], ["--lang", "fr", "plant", "list"],
        ]
        let english: Set<String> = ["the", "of", "and", "with", "from", "which", "is", "not", "Error", "Missing", "Unknown",
                                    "expected", "argument", "option", "invalid", "value", "file", "does", "exist", "matches", "Usage"]
        for mistake in mistakes {
            let result = try cli.run(arguments: mistake, environment: ["FORMATION_LANG": "es"])
            #expect(result.code != 0, "\(mistake)")
            let lines = result.stderr.split(separator: "\n")
            #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("formation: ") || $0.contains(": error: ") }, "\(mistake): \(result.stderr)")
            let words = Set(result.stderr.replacingOccurrences(of: "'[^']*'", with: "", options: .regularExpression)
                .split { !$0.isLetter }.map(String.init))
            #expect(words.intersection(english).isEmpty, "\(mistake) in Spanish: \(result.stderr)")
        }
    }
}
