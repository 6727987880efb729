import Testing
import CLibXML2
import FormationDomain
@testable import FormationXML

/// The hand-written writer (issue 10: libxml2's writer was half of `curriculum export`) must write
/// exactly the bytes libxml2's `xmlTextWriter` wrote with the same calls: packs and records are
/// compared byte for byte, and their canonical form was defined by libxml2.
@Suite struct XMLTextWritingEquivalenceTests {
    /// One call of the writer's API.
    enum Call {
        case start(String), end, attribute(String, String), text(String)
    }

    /// libxml2's writer, configured as the old `XMLTextWriting` was.
    static func libxml2(_ calls: [Call]) -> [UInt8] {
        let buffer = xmlBufferCreate()!
        defer { xmlBufferFree(buffer) }
        let writer = xmlNewTextWriterMemory(buffer, 0)!
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
        for call in calls {
            switch call {
            case .start(let name): xmlTextWriterStartElement(writer, name)
            case .end: xmlTextWriterEndElement(writer)
            case .attribute(let name, let value): xmlTextWriterWriteAttribute(writer, name, value)
            case .text(let value): xmlTextWriterWriteString(writer, value)
            }
        }
        xmlTextWriterEndDocument(writer)
        xmlFreeTextWriter(writer)
        return Array(UnsafeBufferPointer(start: xmlBufferContent(buffer), count: Int(xmlBufferLength(buffer))))
    }

    static func ours(_ calls: [Call]) throws -> [UInt8] {
        let writer = try XMLTextWriting(to: .memory)
        try writer.startDocument()
        for call in calls {
            switch call {
            case .start(let name): try writer.start(name)
            case .end: try writer.end()
            case .attribute(let name, let value): try writer.attribute(name, value)
            case .text(let value): try writer.text(value)
            }
        }
        try writer.finish()
        return writer.sink.bytes
    }

    static let values = [
        "", "plain", "a & b < c > d", "\"quoted\" 'single'", "tab\there", "line\nbreak", "cr\r\nlf", "José Rondón",
        "ñandú · 50 €", "emoji 👩‍🔧 and 🇻🇪", "e\u{301} combining", "\u{2028}sep", "]]> end", "&amp; already", "  spaced  ",
        "日本語", "x/y\\z", "\u{7F} del",
    ]

    /// Random documents of starts, attributes, texts and ends, nested up to five deep.
    static func document(seed: UInt64) -> [Call] {
        var state = seed | 1
        func next(_ bound: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(bound))
        }
        var calls: [Call] = [.start("root")]
        var depth = 1
        var canAttribute = true
        for _ in 0 ..< 40 + next(40) {
            let roll = next(10)
            if roll < 3 && depth < 6 {
                calls.append(.start(["a", "workshop", "title", "x-y"][next(4)]))
                depth += 1
                canAttribute = true
            } else if roll < 5 && canAttribute {
                calls.append(.attribute(["id", "xml:lang", "v"][next(3)], values[next(values.count)]))
            } else if roll < 7 {
                calls.append(.text(values[next(values.count)]))
                canAttribute = false
            } else if depth > 1 {
                calls.append(.end)
                depth -= 1
                canAttribute = false
            }
        }
        return calls
    }

    @Test func writesWhatLibxml2WroteForRandomDocuments() throws {
        for seed in 1 ... 400 as ClosedRange<UInt64> {
            let calls = Self.document(seed: seed)
            let expected = Self.libxml2(calls), written = try Self.ours(calls)
            #expect(written == expected, "seed \(seed):\n\(String(decoding: written, as: UTF8.self))\n--- libxml2:\n\(String(decoding: expected, as: UTF8.self))")
            if written != expected { return }
        }
    }

    @Test func emptyElementsTextOnlyElementsAndNesting() throws {
        let calls: [Call] = [.start("pack"), .attribute("id", "p"), .start("empty"), .end, .start("t"), .text("x"), .end,
                             .start("n"), .start("m"), .attribute("a", "1"), .end, .end, .end]
        #expect(try Self.ours(calls) == Self.libxml2(calls))
        #expect(String(decoding: try Self.ours(calls), as: UTF8.self) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <pack id="p">
              <empty/>
              <t>x</t>
              <n>
                <m a="1"/>
              </n>
            </pack>

            """)
    }
}

/// The writer refuses, in its escaping pass, what `refuseUnwritable` refuses, and writes nothing of it.
@Suite struct XMLTextWritingRefusalTests {
    @Test(arguments: ["a\u{1}b", "\u{0}", "tail\u{1F}", "x\u{FFFE}", "\u{FFFF}y", "\u{B}"])
    func textsAndAttributesXMLCannotCarryAreRefused(_ value: String) throws {
        #expect((try? XMLTextWriting.refuseUnwritable(value, field: "f")) == nil)
        let writer = try XMLTextWriting(to: .memory)
        try writer.startDocument()
        try writer.start("a")
        #expect(throws: XMLWriteError(Message(.invalidValue, "v", value))) { try writer.attribute("v", value) }
        #expect(throws: XMLWriteError(Message(.invalidValue, "title [es]", value))) { try writer.text(value, field: "title [es]") }
        try writer.text("ok")
        try writer.finish()
        #expect(String(decoding: writer.sink.bytes, as: UTF8.self) == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>ok</a>\n")
    }

    @Test func charactersNearTheRefusedOnesAreWritten() throws {
        let value = "tab\tline\ncr\r\u{FFFD}\u{FFEF}\u{EFBF}"
        let writer = try XMLTextWriting(to: .memory)
        try writer.startDocument()
        try writer.start("a")
        try writer.attribute("v", value)
        try writer.text(value)
        try writer.finish()
        #expect(String(decoding: writer.sink.bytes, as: UTF8.self)
            == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a v=\"tab&#9;line&#10;cr&#13;\u{FFFD}\u{FFEF}\u{EFBF}\">tab\tline\ncr&#13;\u{FFFD}\u{FFEF}\u{EFBF}</a>\n")
    }
}
