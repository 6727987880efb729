import FormationUseCases
import Foundation
import Testing

/// Issue 15, items 12-14: one escaper per format, per Unicode scalar. Property tests over random
/// strings made of what breaks per-`Character` escaping: combining marks and Prepend characters
/// glued to metacharacters, CR LF (one `Character`), controls (ESC, CSI), quotes, `<>&`.
@Suite struct EscapingPropertyTests {
    static let alphabet: [Unicode.Scalar] = [
        "a", "Z", "ñ", "é", " ", "<", ">", "&", "\"", "'", "\\", ";", ",", ":", "=", "\n", "\r", "\t",
        "\u{0301}", "\u{0308}", "\u{0D4E}", "\u{0600}", "\u{200D}", "\u{1B}", "\u{9B}", "\u{7F}", "\u{0}",
        "\u{1F477}", "中", "\u{FE0F}", "#", "[", "x",
    ]

    static func samples(_ count: Int = 400, seed: UInt64) -> [String] {
        var random = SeededRandom(seed: seed)
        return (0 ..< count).map { _ in
            var text = ""
            for _ in 0 ..< Int.random(in: 0 ... 40, using: &random) {
                text.unicodeScalars.append(alphabet[Int.random(in: 0 ..< alphabet.count, using: &random)])
            }
            return text
        }
    }

    /// The cases the issue found, besides the random ones.
    static let known = ["\u{0D4E}<img src=x onerror=alert(1)//\u{0D4E}>", "\"\u{0301} URL=<javascript:x>", "a\r\nb",
                        "e" + String(repeating: "\u{0301}", count: 60), "\u{1B}[2J\u{1B}[HAll 12 people recorded.", "&\u{0308}lt;"]

    @Test func htmlEscapingLeavesNoMetacharacterAndDecodesBack() throws {
        for text in Self.known + Self.samples(seed: 12) {
            let escaped = HTMLText.escape(text)
            #expect(!escaped.unicodeScalars.contains { "<>\"'".unicodeScalars.contains($0) }, "\(text.debugDescription)")
            #expect(decodeHTML(escaped) == text, "\(text.debugDescription)")
        }
    }

    @Test func dotQuotingCannotBeLeftAndUnquotesBack() throws {
        for text in Self.known + Self.samples(seed: 13) {
            let quoted = DOTText.quoted(text)
            #expect(unquoteDOT(quoted) == text, "\(text.debugDescription) → \(quoted.debugDescription)")
        }
    }

    @Test func iCalendarLinesFoldAtSeventyFiveOctetsAndUnfoldBack() throws {
        for text in Self.known + Self.samples(seed: 14) + Self.samples(50, seed: 15).map { String(repeating: $0, count: 8) } {
            let line = ICalendarText.fold("DESCRIPTION:" + ICalendarText.escape(text))
            let bytes = Array(line.utf8)
            for physical in split(bytes, on: [0x0D, 0x0A]) {
                #expect(physical.count <= 75, "\(text.debugDescription)")
                #expect(String(validating: physical, as: UTF8.self) != nil, "a fold cut a UTF-8 sequence")
                #expect(!physical.contains { $0 < 0x20 && $0 != 0x09 }, "a raw control character in \(text.debugDescription)")
            }
            let unfolded = String(decoding: unfold(bytes), as: UTF8.self)
            let expected = String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) || $0 == "\n" || $0 == "\t" }))
            #expect(unescapeICalendar(String(unfolded.unicodeScalars.dropFirst("DESCRIPTION:".unicodeScalars.count))) == expected, "\(text.debugDescription)")
        }
    }

    @Test func sixtyCombiningMarksFoldWithinSeventyFiveOctets() {
        let line = ICalendarText.fold("SUMMARY:" + "e" + String(repeating: "\u{0301}", count: 60))
        for physical in split(Array(line.utf8), on: [0x0D, 0x0A]) { #expect(physical.count <= 75) }
    }

    @Test func terminalTextHasNoControlCharacterButLineBreaksAndTabs() {
        for text in Self.known + Self.samples(seed: 16) {
            let shown = TerminalText.neutralised(text)
            #expect(!shown.unicodeScalars.contains { isControl($0) && $0 != "\n" && $0 != "\t" }, "\(text.debugDescription)")
            // What is not a control character is kept, in order.
            let kept = text.unicodeScalars.filter { !isControl($0) || $0 == "\n" || $0 == "\t" }
            #expect(shown.unicodeScalars.filter { kept.contains($0) }.count >= kept.count)
        }
        #expect(TerminalText.neutralised("a\u{1B}[2Jb\u{9B}c\r\n") == "a\\u{1B}[2Jb\\u{9B}c\\u{D}\n")
    }
}

private func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || (0x7F ... 0x9F).contains(scalar.value) }

/// Decodes the five entities `HTMLText` writes; nil on anything else.
private func decodeHTML(_ html: String) -> String? {
    let entities = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "#39": "'"]
    var out = String.UnicodeScalarView()
    var scalars = html.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
        guard scalar == "&" else { out.append(scalar); continue }
        var name = ""
        while let next = scalars.next(), next != ";" { name.unicodeScalars.append(next) }
        guard let decoded = entities[name] else { return nil }
        out.append(contentsOf: decoded.unicodeScalars)
    }
    return String(out)
}

/// A DOT double-quoted string back to its text; nil when a raw `"` ends it early.
private func unquoteDOT(_ quoted: String) -> String? {
    var scalars = Array(quoted.unicodeScalars)
    guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return nil }
    scalars = Array(scalars.dropFirst().dropLast())
    var out = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
        let scalar = scalars[index]
        if scalar == "\"" { return nil }
        if scalar == "\\" {
            guard index + 1 < scalars.count else { return nil }
            switch scalars[index + 1] {
            case "\"": out.append("\"")
            case "\\": out.append("\\")
            case "n": out.append("\n")
            default: return nil
            }
            index += 2
            continue
        }
        out.append(scalar)
        index += 1
    }
    return String(out)
}

private func unescapeICalendar(_ text: String) -> String? {
    var out = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
        guard scalar == "\\" else { out.append(scalar); continue }
        switch scalars.next() {
        case "\\": out.append("\\")
        case ";": out.append(";")
        case ",": out.append(",")
        case "n", "N": out.append("\n")
        default: return nil
        }
    }
    return String(out)
}

private func split(_ bytes: [UInt8], on separator: [UInt8]) -> [[UInt8]] {
    var parts: [[UInt8]] = [[]]
    var index = 0
    while index < bytes.count {
        if index + 1 < bytes.count, bytes[index] == separator[0], bytes[index + 1] == separator[1] {
            parts.append([])
            index += 2
        } else {
            parts[parts.count - 1].append(bytes[index])
            index += 1
        }
    }
    return parts
}

/// RFC 5545 unfolding: CRLF followed by one space or tab is removed.
private func unfold(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var index = 0
    while index < bytes.count {
        if index + 2 < bytes.count, bytes[index] == 0x0D, bytes[index + 1] == 0x0A, bytes[index + 2] == 0x20 || bytes[index + 2] == 0x09 {
            index += 3
            continue
        }
        out.append(bytes[index])
        index += 1
    }
    return out
}

/// The same, end to end: what a person or a pack typed reaches no HTML, DOT, iCalendar or terminal
/// output as markup or control.
@Suite struct EscapingEndToEndTests {
    static let injected = "\u{0D4E}<img src=x onerror=alert(document.domain)//\u{0D4E}>"

    @Test func aPrependCharacterGluedToLessThanIsEscapedInEveryHTMLPage() throws {
        let s = try TwoBattles()
        #expect(try s.cli.run("person", "add", Self.injected, "--plant", "Amuay").code == 0)
        #expect(try s.cli.run("attend", s.taught, Self.injected, "--status", "attended", "--force").code == 0)
        // Teaching makes them a new facilitator, named in the battle's report.
        _ = try TwoBattles.session(s.cli, battle: "Batalla de Amuay", workshop: TwoBattles.workshop, "2025-06-05 09:00",
                                   "2025-06-05 11:00", place: "Patio", facilitator: Self.injected)
        let pages = [["history", Self.injected, "--format", "html"], ["battle", "report", "Batalla de Amuay", "--format", "html"],
                     ["session", "sheet", s.taught]]
        for page in pages {
            let result = try s.cli.run(arguments: page)
            #expect(result.code == 0, "\(page): \(result.stderr)")
            #expect(!result.stdout.contains("<img"), "\(page)")
            #expect(result.stdout.contains("&lt;img"), "\(page)")
        }
    }

    @Test func aQuoteWithACombiningMarkStaysInsideTheDOTString() throws {
        let s = try TwoBattles()
        let name = "Eva\"\u{0301}, URL=<javascript:alert(1)>, x=\"\u{0301}"
        #expect(try s.cli.run("person", "add", name, "--plant", "Amuay").code == 0)
        let session = try TwoBattles.session(s.cli, battle: "Batalla de Amuay", workshop: TwoBattles.workshop, "2025-06-04 09:00",
                                             "2025-06-04 11:00", place: "Patio", facilitator: "Carla Gómez")
        #expect(try s.cli.run("attend", session, name, "--status", "attended", "--force").code == 0)
        let result = try s.cli.run("workshop", "lineage", TwoBattles.workshop, "--format", "dot", "--learners")
        #expect(result.code == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").first { $0.contains("javascript") })
        // The label is the only attribute: the whole name stayed inside one quoted string.
        let label = try #require(line.range(of: "[label="))
        #expect(unquoteDOT(String(line[label.upperBound...].dropLast(2))) == name, "\(line)")
    }

    @Test func iCalendarLinesStayWithinSeventyFiveOctets() throws {
        let s = try TwoBattles()
        let place = "Galp" + String(repeating: "o\u{0301}", count: 30) + String(repeating: "\u{0301}", count: 60)
        _ = try TwoBattles.session(s.cli, battle: "Batalla de Amuay", workshop: TwoBattles.workshop, "2025-06-05 09:00",
                                   "2025-06-05 11:00", place: place, facilitator: "Carla Gómez")
        let result = try s.cli.run("battle", "export", "Batalla de Amuay", "--as", "ical")
        #expect(result.code == 0, "\(result.stderr)")
        let lines = split(Array(result.stdout.utf8), on: [0x0D, 0x0A])
        #expect(lines.allSatisfy { $0.count <= 75 }, "\(lines.map(\.count).max() ?? 0) octets")
        #expect(String(decoding: unfold(Array(result.stdout.utf8)), as: UTF8.self).contains("LOCATION:" + place))
    }

    @Test func escapesFromASheetOrAPackNeverReachTheTerminal() throws {
        let s = try TwoBattles()
        let sheet = s.cli.path("hoja.csv")
        try "\u{1B}[2J\u{1B}[HAll 12 people recorded.\u{9B}31m\n".write(toFile: sheet, atomically: false, encoding: .utf8)
        let attend = try s.cli.run("attend", s.taught, "--csv", sheet)
        #expect(attend.code == 65)
        #expect(!attend.stderr.unicodeScalars.contains { isControl($0) && $0 != "\n" }, "\(attend.stderr.debugDescription)")
        #expect(attend.stderr.contains("\\u{1B}[2J"))

        let pack = s.cli.path("pack.xml")
        let original = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent("Curricula/freehand-drawing.xml"), encoding: .utf8)
        let hostile = original
            .replacingOccurrences(of: " id=\"freehand-drawing\"", with: " id=\"hostile-drawing\"")
            .replacingOccurrences(of: "<title xml:lang=\"en\">", with: "<title xml:lang=\"en\">&#13;\u{9B}2J")
        #expect(hostile != original)
        try hostile.write(toFile: pack, atomically: false, encoding: .utf8)
        let imported = try s.cli.run("import", pack)
        try #require(imported.code == 0, "\(imported.stderr)")
        for command in [["curriculum", "list"], ["curriculum", "show", "hostile-drawing"], ["workshop", "list"],
                        ["workshop", "show", "hostile-drawing/proportion-by-eye"]] {
            let result = try s.cli.run(arguments: command)
            #expect(result.code == 0, "\(command): \(result.stderr)")
            #expect(!result.stdout.unicodeScalars.contains { isControl($0) && $0 != "\n" }, "\(command): \(result.stdout.debugDescription)")
        }
    }
}
