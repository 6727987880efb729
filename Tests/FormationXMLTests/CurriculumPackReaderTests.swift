import Foundation
import FormationDomain
import Testing
@testable import FormationXML

/// Reading valid packs: values, positions, streaming order, sources.
@Suite struct CurriculumPackReaderTests {
    static let freehand = Paths.fixture("valid/freehand-drawing.xml")

    /// What `Fixtures/valid/freehand-drawing.xml` says, written out by hand.
    static let expected: Curriculum = {
        func text(_ pairs: KeyValuePairs<String, String>) -> LocalizedText { LocalizedText(pairs) }
        let header = CurriculumHeader(
            id: Slug(trusted: "freehand-drawing"), version: 3,
            title: text(["es": "Dibujo a mano alzada de piezas mecánicas", "en": "Freehand drawing of mechanical parts"]),
            description: text(["en": "From proportion by eye to a sketch a machinist can make a part from."]),
            council: "Consejo Productivo de Trabajadores, Maquinarias Barinas", plant: "Maquinarias Barinas",
            license: "CC-BY-SA-4.0", derivedFrom: Provenance(curriculum: Slug(trusted: "dibujo-tecnico"), version: 1))
        let proportion = Workshop(
            id: Slug(trusted: "proportion"), title: text(["es": "Proporción a ojo", "en": "Proportion by eye"]),
            summary: text(["en": "Measure with the pencil & the thumb; compare, never guess."]),
            objectives: [text(["es": "Estimar proporciones de una pieza real", "en": "Estimate the proportions of a real part"])],
            durationMinutes: 90,
            materials: [text(["en": "Pencil, eraser, A4 paper"]), text(["en": "A part <from the plant>"])],
            category: .technical, minParticipants: 1, maxParticipants: 12,
            outline: [
                Activity(title: text(["en": "Warm-up: lines and circles"]), minutes: 20),
                Activity(title: text(["en": "Draw a flange"]), minutes: 60,
                         description: text(["en": "Each pair draws the same flange; compare the sketches."])),
            ])
        let views = Workshop(
            id: Slug(trusted: "orthographic-views"), title: text(["en": "Orthographic views"]),
            objectives: [text(["en": "Draw front, top and side views"]), text(["en": "Place the views so that they line up"])],
            prerequisites: [WorkshopRef(curriculum: nil, workshop: Slug(trusted: "proportion")),
                            WorkshopRef(curriculum: Slug(trusted: "seguridad"), workshop: Slug(trusted: "epp"))],
            durationMinutes: 120, competencies: [text(["en": "Reads a three-view drawing"])],
            category: .technical, minParticipants: 2, maxParticipants: 30)
        let council = Workshop(
            id: Slug(trusted: "workers-council"), title: text(["es": "Cómo organizar un consejo de trabajadores"]),
            objectives: [text(["es": "Convocar una asamblea"])], durationMinutes: 45, category: .organisational)
        return Curriculum(header: header, workshops: [proportion, views, council])
    }()

    @Test func readsEveryFieldOfAValidPack() throws {
        let read = try CurriculumPackReader().readCurriculum(.path(Self.freehand))
        #expect(read.curriculum == Self.expected)
        #expect(read.headerPosition == XMLPosition(line: 3, column: 1))
        #expect(read.workshopPositions == [XMLPosition(line: 11, column: 3), XMLPosition(line: 35, column: 3),
                                           XMLPosition(line: 49, column: 3)])
        #expect(read.position(of: Slug(trusted: "orthographic-views")) == XMLPosition(line: 35, column: 3))
    }

    /// The guard's state machine must not depend on where reads split the bytes.
    @Test(arguments: [1, 2, 3, 5, 7, 13, 64, 4096])
    func readSizeDoesNotMatter(_ readSize: Int) throws {
        let result = read(.path(Self.freehand), readSize: readSize)
        #expect(result.value?.curriculum == Self.expected)
        #expect(result.value?.workshopPositions.count == 3)
        for name in try FileManager.default.contentsOfDirectory(atPath: Paths.fixture("invalid")) where name.hasSuffix(".xml") {
            let path = Paths.fixture("invalid/\(name)")
            #expect(issues(read(.path(path), readSize: readSize)) == issues(read(.path(path))), "\(name)")
        }
    }

    @Test func workshopsStreamInFileOrderAfterTheHeader() throws {
        struct Recorder: CurriculumPackConsumer {
            var log: [String] = []
            mutating func header(_ header: CurriculumHeader, at position: XMLPosition) { log.append("header \(header.id) \(position)") }
            mutating func workshop(_ workshop: Workshop, at position: XMLPosition) { log.append("\(workshop.id) \(position)") }
        }
        var recorder = Recorder()
        try CurriculumPackReader().read(.path(Self.freehand), into: &recorder)
        #expect(recorder.log == ["header freehand-drawing 3:1", "proportion 11:3", "orthographic-views 35:3", "workers-council 49:3"])
    }

    @Test func aConsumerErrorStopsTheReadAndPropagates() throws {
        struct Enough: Error {}
        struct StopAtSecond: CurriculumPackConsumer {
            var seen = 0
            mutating func header(_ header: CurriculumHeader, at position: XMLPosition) {}
            mutating func workshop(_ workshop: Workshop, at position: XMLPosition) throws {
                seen += 1
                if seen == 2 { throw Enough() }
            }
        }
        var consumer = StopAtSecond()
        #expect(throws: Enough.self) { try CurriculumPackReader().read(.path(Self.freehand), into: &consumer) }
        #expect(consumer.seen == 2)
    }

    @Test func nothingReachesTheConsumerOfAnInvalidPack() throws {
        struct Counter: CurriculumPackConsumer {
            var calls = 0
            mutating func header(_ header: CurriculumHeader, at position: XMLPosition) { calls += 1 }
            mutating func workshop(_ workshop: Workshop, at position: XMLPosition) { calls += 1 }
        }
        var counter = Counter()
        #expect(throws: XMLReadFailure.self) {
            try CurriculumPackReader().read(.path(Paths.fixture("invalid/schema-violations.xml")), into: &counter)
        }
        #expect(counter.calls == 0)
    }

    @Test func readsFromAPipe() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.freehand))
        let pipe = Pipe()
        let writer = Thread {
            // Small writes, so that the reader meets many short reads.
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + 97)
                pipe.fileHandleForWriting.write(bytes[offset..<end])
                offset = end
            }
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        let read = try CurriculumPackReader().readCurriculum(.fileDescriptor(pipe.fileHandleForReading.fileDescriptor))
        #expect(read.curriculum == Self.expected)
    }

    @Test func theStaticEntryPointReadsADescriptor() throws {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: Self.freehand))
        defer { try? handle.close() }
        var collector = CurriculumCollector()
        try CurriculumPackReader.read(from: handle.fileDescriptor, consumer: &collector)
        #expect(collector.workshops == Self.expected.workshops)
    }

    @Test func aMissingFileOrAFolderIsAnIssueOfLineZero() {
        #expect(issues(read(.path("/nonexistent/pack.xml"))) == ["0:0 fileMissing"])
        #expect(issues(read(.path(Paths.fixtures.path))) == ["0:0 fileIsDirectory"])
    }

    @Test func aUTF8ByteOrderMarkAndLowercaseEncodingAreFine() {
        let text = pack().replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding='utf-8'")
        #expect(read(.bytes([0xEF, 0xBB, 0xBF] + Array(text.utf8))).value != nil)
        #expect(read(text).value != nil)
    }

    @Test func markupInsideCommentsCDATAAndValuesIsData() throws {
        let text = pack("""
              <!-- <!DOCTYPE x [ <!ENTITY a "b"> ]> a comment is not a DOCTYPE -->
              <?note <!DOCTYPE in a processing instruction?>
              <workshop id="w" category="technical" minutes="30">
                <title xml:lang="en"><![CDATA[<!DOCTYPE> & friends]]> > "quoted" 'too'</title>
                <objectives><objective><text xml:lang="en">a &gt; b &amp;&amp; c &lt; d&#x21;</text></objective></objectives>
              </workshop>
            """)
        let workshop = try #require(read(text).value?.curriculum.workshops.first)
        #expect(workshop.title["en"] == #"<!DOCTYPE> & friends > "quoted" 'too'"#)
        #expect(workshop.objectives.first?["en"] == "a > b && c < d!")
    }

    @Test func textKeepsItsSpacesAndLineBreaks() throws {
        let text = pack("""
              <workshop id="w" category="technical" minutes="30">
                <title xml:lang="en">  two  spaces\tand a
            line break  </title>
                <objectives><objective><text xml:lang="en">Learn</text></objective></objectives>
              </workshop>
            """)
        let workshop = try #require(read(text).value?.curriculum.workshops.first)
        #expect(workshop.title["en"] == "  two  spaces\tand a\nline break  ")
    }

    @Test func columnsCountCharactersNotBytes() {
        // `<!DOCTYPE` after a comment with two-byte characters: column 15, not 17.
        let text = "<!-- ñandú --><!DOCTYPE x>"
        #expect(issues(read(text)) == ["1:15 xmlDoctypeRefused"])
    }

    @Test func positionsStayExactPastLine65535() throws {
        let padding = String(repeating: "\n", count: 70_000)
        let text = pack(padding + defaultWorkshop)
        let read = try #require(read(text).value)
        #expect(read.workshopPositions == [XMLPosition(line: 70_006, column: 3)])
    }
}

/// Texts must hold something other than white space (`NonEmptyText`, an `xs:token` of `minLength 1`):
/// blank ones are refused in words a reader recognises, texts with inner spaces and line breaks are kept.
@Suite struct BlankTextTests {
    static let shipped = try! String(contentsOf: Paths.curricula.appendingPathComponent("freehand-drawing.xml"), encoding: .utf8)

    static func replacingFirstTitle(with text: String) -> String {
        let start = shipped.range(of: "<title xml:lang=\"es\">")!
        let end = shipped.range(of: "</title>", range: start.upperBound..<shipped.endIndex)!
        return shipped.replacingCharacters(in: start.upperBound..<end.lowerBound, with: text)
    }

    @Test(arguments: ["", "   ", " \n\t \r\n "])
    func blankTextIsRefusedInPlainWords(_ blank: String) throws {
        guard case .failure(let failure) = read(Self.replacingFirstTitle(with: blank)) else {
            Issue.record("a blank title was accepted")
            return
        }
        let messages = failure.issues.map { $0.message.text(.en) }
        #expect(messages.contains { $0.contains("element 'title': the text is empty or only white space") }, "\(messages)")
    }

    @Test func textWithSpacesInsideIsKeptAsWritten() throws {
        let text = "  Línea,   círculo\n\ty proporción  "
        let curriculum = try #require(read(Self.replacingFirstTitle(with: text)).value)
        #expect(curriculum.curriculum.header.title["es"] == text)
    }
}
