import FormationDomain
import Foundation

/// swift-argument-parser writes its help's frame in English (`OVERVIEW:`, `USAGE:`, `Show the
/// version.`, `(values: …; default: …)`, `<path>`); our abstracts and option texts come from the
/// catalogue already. In Spanish the frame is translated here, on the finished text, and the
/// descriptions it lengthened are wrapped again to the width the parser used.
enum HelpLocalization {
    /// The parser's own words, whole lines or phrases, and their Spanish.
    static let phrases: [(String, String)] = [
        ("Show the version.", "Muestra la versión."),
        ("Show help information.", "Muestra esta ayuda."),
    ]

    /// `See 'formation help [group] <subcommand>' for detailed help.`, in Spanish.
    static func seeHelp(_ line: String) -> String {
        let english = (start: "See 'formation help ", end: "<subcommand>' for detailed help.")
        guard let start = line.range(of: english.start), line.hasSuffix(english.end) else { return line }
        let group = line[start.upperBound..<line.index(line.endIndex, offsetBy: -english.end.count)]
        return line[..<start.lowerBound] + "Vea 'formation help \(group)<suborden>' para la ayuda de cada una."
    }

    static let headings: [(String, String)] = [
        ("OVERVIEW:", "DESCRIPCIÓN:"), ("USAGE:", "USO:"), ("ARGUMENTS:", "ARGUMENTOS:"),
        ("OPTIONS:", "OPCIONES:"), ("SUBCOMMANDS:", "SUBÓRDENES:"),
    ]

    /// Placeholders (`<path>`) and value lists (`<public|private>`, `(values: public, private)`):
    /// typed values are accepted in Spanish too (`TypedWords`), so the Spanish help shows those.
    static let placeholders: [String: String] = [
        "path": "ruta", "file": "archivo", "shift": "turno", "battle": "batalla", "subcommand": "suborden", "workshop": "taller",
        "YYYY-MM-DD HH:MM": "AAAA-MM-DD HH:MM", "YYYY-MM-DD": "AAAA-MM-DD", "session": "sesión", "plant": "planta",
        "person": "persona", "name": "nombre", "state": "estado", "sector": "sector", "place": "lugar",
        "people": "personas", "old": "anterior", "new": "nueva", "keep": "queda", "drop": "repetido",
        "facilitator": "facilitador", "curriculum": "currículo", "change": "cambio", "IANA": "zona IANA", "id": "id", "n": "n",
        "state|worker-controlled|private": "estatal|control-obrero|privada", "public|private": "público|privado",
        "registered|attended|absent": "inscrito|asistió|ausente", "facilitator|participant": "facilitador|participante",
        "seconds": "segundos", "HH:MM-HH:MM": "HH:MM-HH:MM",
    ]

    static let values: [String: String] = [
        "public, private": "público, privado", "registered, attended, absent": "inscrito, asistió, ausente",
        "facilitator, participant": "facilitador, participante",
        "state, worker-controlled, private": "estatal, control-obrero, privada",
    ]

    /// The help `text` in `language`, wrapped where a translation lengthened a line to the width
    /// the parser used (80 columns, or the terminal's when it is wider).
    static func localized(_ text: String, _ language: Language) -> String {
        guard language == .es else { return text }
        var lines = text.components(separatedBy: "\n")
        let width = max(80, lines.filter { !$0.hasPrefix("USAGE:") }.map(\.count).max() ?? 0)
        for index in lines.indices {
            var line = lines[index]
            for (english, spanish) in headings where line.hasPrefix(english) {
                line = spanish + line.dropFirst(english.count)
            }
            for (english, spanish) in phrases { line = line.replacingOccurrences(of: english, with: spanish) }
            line = seeHelp(line)
            // An option's name and its description on one line: the name is translated when the
            // description is wrapped again, so that the description keeps its column.
            if !Self.startsDescription(line) { line = translatingPlaceholders(line) }
            lines[index] = line
        }
        // The parser's "(values: …; default: …)" may be split across lines: translate it on the joined description.
        return rewrapped(lines, width: width).joined(separator: "\n")
    }

    private static func translatingPlaceholders(_ line: String) -> String {
        var result = ""
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += "<" + (placeholders[name] ?? name) + ">"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Each option's description (the column after the option's name) and the overview paragraph
    /// joined, translated, and wrapped to `width` again.
    private static func rewrapped(_ lines: [String], width: Int) -> [String] {
        let indent = String(repeating: " ", count: column)
        var output: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let isOverview = line.hasPrefix("DESCRIPCIÓN:")
            // A description starts beside its option's name, or below it when the name is long.
            let below = line.hasPrefix(indent) && line.dropFirst(column).first != " "
            guard isOverview || below || startsDescription(line) else {
                output.append(line)
                index += 1
                continue
            }
            // The overview runs to the blank line; a description continues on lines indented to its column.
            var paragraph = [line]
            index += 1
            while index < lines.count, !lines[index].isEmpty,
                  isOverview ? !lines[index].hasPrefix(" ") : lines[index].hasPrefix(indent) && lines[index].dropFirst(column).first != " " {
                paragraph.append(lines[index])
                index += 1
            }
            var prefix = isOverview ? "" : below ? indent : translatingPlaceholders(String(line.prefix(column)).trimmingTrailingSpaces)
            if !isOverview && !below {
                if prefix.count >= column - 1 {
                    output.append(prefix)
                    prefix = indent
                } else {
                    prefix += String(repeating: " ", count: column - prefix.count)
                }
            }
            let first = isOverview ? line : String(line.dropFirst(column))
            var words = ([first] + paragraph.dropFirst().map { String($0.trimmingLeadingSpaces) }).joined(separator: " ")
            words = words.replacingOccurrences(of: "(values: ", with: "(valores: ")
                .replacingOccurrences(of: "; default: ", with: "; por defecto: ")
                .replacingOccurrences(of: "(default: ", with: "(por defecto: ")
            for (english, spanish) in values { words = words.replacingOccurrences(of: "(valores: \(english)", with: "(valores: \(spanish)") }
            output += Layout.wrap(words: words, firstPrefix: prefix, nextPrefix: isOverview ? "" : indent, width: width)
        }
        return output
    }

    /// The column where the parser starts an option's description.
    static let column = 26

    /// A line with an option's (or argument's) name and the start of its description.
    static func startsDescription(_ line: String) -> Bool {
        line.hasPrefix("  ") && line.count > column && line.dropFirst(column - 1).first == " "
            && line.dropFirst(column).first != " " && line.dropFirst(2).first != " "
    }
}

private extension String {
    var trimmingLeadingSpaces: Substring { drop(while: { $0 == " " }) }
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
