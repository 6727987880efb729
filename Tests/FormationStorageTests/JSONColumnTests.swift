import Foundation
import Testing
import FormationDomain
import FormationXML
@testable import FormationStorage
import GRDB

/// The hand-written codec of `workshop.content` and `curriculum.header` (issue 10) against the
/// reference it replaces: Foundation's `JSONEncoder` (`.sortedKeys`, `.withoutEscapingSlashes`) and
/// `JSONDecoder` over the `Codable` types. Databases in the field hold what that encoder wrote.
@Suite struct JSONColumnTests {
    /// The packs in `Curricula/`, read with the pack reader.
    static let shipped: [Curriculum] = {
        let folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Curricula")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".xml") }.sorted().map { name in
            try! CurriculumPackReader().readCurriculum(.path(folder.appendingPathComponent(name).path)).curriculum
        }
    }()

    static func reference<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func referenceDecode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// Every kind of character the encoder treats apart, and some it must leave alone.
    static let tricky: [String] = [
        "", "\"quoted\"", "back\\slash", "a/b </script>", "tab\there", "line\nbreak", "crlf\r\n", "\u{8}\u{C}",
        String(String.UnicodeScalarView((0..<0x80).map { Unicode.Scalar(UInt8($0)) })),
        "😀 👩🏽‍🔧 🇻🇪", "e\u{301} n\u{303} a\u{308}\u{301}", "\u{2028}\u{2029}", "\u{FEFF}\u{FFFD}\u{FFFF}\u{10FFFF}",
        "ñandú, acción, Mérida", "日本語", "\u{0}nul\u{0}", "\\u0041 is not an escape here", "\\\"\\\\",
    ]

    static func trickyContent() -> WorkshopContent {
        func text(_ index: Int) -> LocalizedText {
            LocalizedText([.init(language: "en", text: tricky[index % tricky.count]),
                           .init(language: "es", text: tricky[(index + 7) % tricky.count])])
        }
        return WorkshopContent(
            title: text(0), summary: text(1), objectives: tricky.indices.map(text), materials: [], competencies: [text(3), LocalizedText()],
            outline: [Activity(title: text(4), minutes: 15, description: text(5)), Activity(title: text(6), minutes: Int.max),
                      Activity(title: text(8), minutes: -3, description: text(9))])
    }

    /// Every member and kind of value in a few hundred bytes, for the tests that try every byte.
    static let small = WorkshopContent(
        title: LocalizedText(["en": "Lockout \"tag\"", "es": "Bloqueo, año"]), summary: LocalizedText(["en": "a/b\\c\u{1}\n"]),
        objectives: [LocalizedText(["es": "😀 e\u{301}"]), LocalizedText(["en": "Two"])], materials: [],
        competencies: [LocalizedText(["en": "x"])],
        outline: [Activity(title: LocalizedText(["en": "Step"]), minutes: 15), Activity(title: LocalizedText(["es": "Paso"]), minutes: 5)])

    @Test func shippedPacksHaveTheWorkshopsTheseTestsCover() {
        #expect(Self.shipped.count == 3)
        #expect(Self.shipped.reduce(0) { $0 + $1.workshops.count } == 26)
    }

    @Test func writesShippedWorkshopsByteForByteAsJSONEncoder() throws {
        for workshop in Self.shipped.flatMap(\.workshops) {
            let content = WorkshopContent(workshop)
            #expect(content.json == (try Self.reference(content)), "workshop \(workshop.id)")
        }
    }

    @Test func writesShippedHeadersByteForByteAsJSONEncoder() throws {
        var headers = Self.shipped.map(\.header)
        var adapted = headers[0]
        adapted.plant = "Planta \"El Palito\" / Carabobo"
        adapted.derivedFrom = Provenance(curriculum: Slug(trusted: "plant-maintenance"), version: 3)
        adapted.council = Self.tricky.joined(separator: "|")
        headers.append(adapted)
        for header in headers {
            #expect(header.json == (try Self.reference(header)), "curriculum \(header.id)")
            #expect(try CurriculumHeader(json: header.json) == header)
        }
    }

    @Test func writesTrickyStringsByteForByteAsJSONEncoder() throws {
        let content = Self.trickyContent()
        #expect(content.json == (try Self.reference(content)))
        for text in Self.tricky {
            var writer = JSONColumnWriter()
            writer.string(text)
            #expect(writer.text == (try Self.reference([text])).dropFirst().dropLast(), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func readsBackWhatItWrites() throws {
        for content in Self.shipped.flatMap(\.workshops).map(WorkshopContent.init) + [Self.trickyContent()] {
            #expect(try WorkshopContent(json: content.json) == content)
        }
    }

    @Test func readsAnySpellingOfTheSameJSON() throws {
        let content = Self.trickyContent()
        // Keys in declaration (unsorted) order, indented, `\/` for every slash.
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted]
        let spellings = [
            String(decoding: try pretty.encode(content), as: UTF8.self),
            Self.escapingEveryCharacter(content.json),
            Self.escapingEveryCharacter(String(decoding: try pretty.encode(content), as: UTF8.self)),
            " \n\t{ \"extra\" : { \"a\" : [ 1, -2.5e3, true, false, null, \"x\", [], {} ] } , " + content.json.dropFirst() + " \r\n",
        ]
        for json in spellings {
            #expect(try WorkshopContent(json: json) == content, "\(json.prefix(120))")
            #expect(try WorkshopContent(json: json) == Self.referenceDecode(WorkshopContent.self, json))
        }
        let activity = #"{"title":{"variants":[{"text":"Abrir","language":"es"}]},"description":{"variants":[]},"minutes":5.0}"#
        let outline = "{\"outline\":[\(activity), \(activity.replacingOccurrences(of: "5.0", with: "50e-1"))],"
            + #""title":{"variants":[]},"summary":{"variants":[]},"objectives":[],"materials":[],"competencies":[]}"#
        let read = try WorkshopContent(json: outline)
        #expect(read.outline.map(\.minutes) == [5, 5])
        #expect(read == (try Self.referenceDecode(WorkshopContent.self, outline)))
        let header = Self.shipped[0].header
        #expect(try CurriculumHeader(json: Self.escapingEveryCharacter(header.json)) == header)
        let nulls = header.json.dropLast() + #","plant":null,"derivedFrom":null}"#
        #expect(try CurriculumHeader(json: String(nulls)) == header)
    }

    @Test func refusesEveryTruncationWithAnError() throws {
        for json in [Self.small.json, Self.escapingEveryCharacter(Self.small.json)] {
            let utf8 = Array(json.utf8)
            for length in 0..<utf8.count {
                let truncated = String(decoding: utf8[..<length], as: UTF8.self)
                #expect(throws: JSONColumnError.self) { try WorkshopContent(json: truncated) }
            }
        }
        let header = Self.shipped[0].header.json
        for length in 0..<header.utf8.count {
            #expect(throws: JSONColumnError.self) { try CurriculumHeader(json: String(decoding: Array(header.utf8)[..<length], as: UTF8.self)) }
        }
    }

    /// Each byte of a stored column replaced by bytes that break JSON in different ways: the reader
    /// fails exactly when `JSONDecoder` fails, and reads the same value when both succeed.
    @Test func agreesWithJSONDecoderOnGarbledColumns() throws {
        let json = Array(Self.small.json.utf8)
        let garbage: [[UInt8]] = [[0x22], [0x5C], [0x7D], [0x5D], [0x2C], [0x3A], [0x01], [0x20], [0x78], [0x30], [0x5C, 0x75, 0x44, 0x38]]
        var failures = 0
        for index in json.indices {
            for bytes in garbage {
                var garbled = json
                garbled.replaceSubrange(index...index, with: bytes)
                let text = String(decoding: garbled, as: UTF8.self)
                let expected = (try? Self.referenceDecode(WorkshopContent.self, text)).map(Self.canonical)
                let actual = Result { try WorkshopContent(json: text) }
                switch actual {
                case .success(let value):
                    #expect(Bool(value == expected), "read differently from JSONDecoder: \(text)")
                case .failure(let error):
                    failures += 1
                    #expect(error is JSONColumnError)
                    #expect(expected == nil, "refused what JSONDecoder reads: \(error) in \(text)")
                }
            }
        }
        #expect(failures > json.count)
    }

    @Test func saysWhatIsWrongAndWhere() {
        func error(_ json: String) -> String {
            do {
                _ = try WorkshopContent(json: json)
                return "read"
            } catch {
                return "\(error)"
            }
        }
        #expect(error("") == "expected an object: the text ends at byte 0")
        #expect(error(#"{"title""#) == "expected ':': the text ends at byte 8")
        #expect(error(#"{"title":{"variants":[{"language":"en","text":"\ud83d"}]}}"#).hasPrefix("lone surrogate at byte 47"))
        #expect(error(#"{"title":{"variants":[{"language":"en","text":"\q"}]}}"#) == "unknown escape at byte 47")
        #expect(error("{\"title\":{\"variants\":[{\"language\":\"en\",\"text\":\"a\nb\"}]}}") == "control character in a string at byte 48")
        #expect(error(Self.small.json + " x") == "text after the end of the value at byte \(Self.small.json.utf8.count + 1)")
        #expect(error(#"{"title":{"variants":[]}}"#) == "no 'summary' at byte 24")
        #expect(error(#"{"title":{"variants":[]},"outline":[{"minutes":1.5}]}"#) == "not a whole number that fits at byte 47")
        #expect(error(String(repeating: "[", count: 100_000)) == "expected an object at byte 0")
        #expect(error(#"{"x":"# + String(repeating: "[", count: 100_000)) == "nested more than 64 deep at byte 68")
    }

    @Test func aDamagedColumnNamesItsWorkshopInsteadOfCrashing() throws {
        let store = try FormationStore.inMemory()
        let curriculum = Self.shipped[0]
        try store.inCurriculumTransaction { tx in
            try tx.replaceHeader(curriculum.header)
            for (position, workshop) in curriculum.workshops.enumerated() { try tx.insert(workshop, in: curriculum.header.id, position: position) }
            return (true, ())
        }
        #expect(try store.curriculum(curriculum.header.id) == curriculum)
        let victim = curriculum.workshops[1].id
        try store.write { db in
            try db.execute(sql: "UPDATE workshop SET content = substr(content, 1, 40) WHERE id = ?", arguments: [victim.rawValue])
        }
        #expect(throws: DamagedColumn(kind: .workshop, id: "\(curriculum.header.id)/\(victim)",
                                      reason: "unterminated string: the text ends at byte 40")) {
            try store.curriculum(curriculum.header.id)
        }
        try store.write { db in try db.execute(sql: "UPDATE curriculum SET header = '{}'") }
        #expect(throws: DamagedColumn(kind: .curriculum, id: curriculum.header.id.rawValue, reason: "no 'id' at byte 1")) {
            try store.curricula()
        }
    }

    /// `content` with its languages sorted, as `LocalizedText.init` keeps them (and as we store them);
    /// the synthesized `Decodable` keeps whatever order the column has.
    static func canonical(_ content: WorkshopContent) -> WorkshopContent {
        func sorted(_ text: LocalizedText) -> LocalizedText { LocalizedText(text.variants) }
        return WorkshopContent(
            title: sorted(content.title), summary: sorted(content.summary), objectives: content.objectives.map(sorted),
            materials: content.materials.map(sorted), competencies: content.competencies.map(sorted),
            outline: content.outline.map { Activity(title: sorted($0.title), minutes: $0.minutes, description: sorted($0.description)) })
    }

    /// Rewrites every character inside the strings of `json` as `\uXXXX` (surrogate pairs above
    /// U+FFFF), keys included, keeping the escapes already there.
    static func escapingEveryCharacter(_ json: String) -> String {
        var out = ""
        var inString = false
        var scalars = json.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if !inString {
                out.unicodeScalars.append(scalar)
                if scalar == "\"" { inString = true }
            } else if scalar == "\"" {
                out.unicodeScalars.append(scalar)
                inString = false
            } else if scalar == "\\" {
                out.unicodeScalars.append(scalar)
                let next = scalars.next()!
                out.unicodeScalars.append(next)
                if next == "u" { for _ in 0..<4 { out.unicodeScalars.append(scalars.next()!) } }
            } else {
                for unit in String(scalar).utf16 { out += "\\u" + String(format: "%04X", unit) }
            }
        }
        return out
    }
}
