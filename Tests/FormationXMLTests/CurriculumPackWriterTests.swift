import Foundation
import FormationDomain
import Testing
@testable import FormationXML

/// The canonical writer: golden bytes, validity, and import → export → import → export identity.
@Suite struct CurriculumPackWriterTests {
    static let canonical = Paths.fixtures.appendingPathComponent("canonical/freehand-drawing.xml")

    @Test func writesTheCanonicalForm() throws {
        let read = try CurriculumPackReader().readCurriculum(.path(CurriculumPackReaderTests.freehand))
        let bytes = try CurriculumPackWriter.bytes(of: read.curriculum)
        if Paths.recording { try Data(bytes).write(to: Self.canonical) }
        #expect(bytes == Array(try Data(contentsOf: Self.canonical)))
        #expect(String(decoding: bytes.prefix(39), as: UTF8.self) == #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n")
        #expect(bytes.last == UInt8(ascii: "\n"))
    }

    @Test func roundTripIsByteIdentical() throws {
        let first = try CurriculumPackReader().readCurriculum(.path(CurriculumPackReaderTests.freehand)).curriculum
        let written = try CurriculumPackWriter.bytes(of: first)
        let second = try CurriculumPackReader().readCurriculum(.bytes(written)).curriculum
        #expect(second == first)
        #expect(try CurriculumPackWriter.bytes(of: second) == written)
    }

    @Test func awkwardTextSurvivesTheRoundTrip() throws {
        let awkward = [
            "  leading and trailing  ", "a < b && c > d", #"quotes " and ' and ]]> too"#, "tab\tand\nlines\r\nand CR",
            "ñandú, 机械, 🛠️", "&amp; stays literal", "\u{A0}",
        ]
        let workshop = Workshop(
            id: Slug(trusted: "awkward"),
            title: LocalizedText(zip(["de", "en", "es", "fr", "it", "pt", "qu"], awkward).map { .init(language: $0, text: $1) }),
            objectives: [LocalizedText(["en": "Learn"])], durationMinutes: 10)
        let curriculum = Curriculum(
            header: CurriculumHeader(id: Slug(trusted: "pack"), version: 1, title: LocalizedText(["en": "Pack"]),
                                     council: "Council <&>", license: "CC0-1.0"),
            workshops: [workshop])
        let written = try CurriculumPackWriter.bytes(of: curriculum)
        let read = try CurriculumPackReader().readCurriculum(.bytes(written)).curriculum
        #expect(read == curriculum)
        #expect(try CurriculumPackWriter.bytes(of: read) == written)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint"), "xmllint is not installed"))
    func outputValidatesWithXmllint() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--nonet", "--schema", Paths.curricula.appendingPathComponent("curriculum.xsd").path,
                             Self.canonical.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Polled: Foundation's waitUntilExit() never wakes under libfaketime (see FormationCLITests/ProcessExit.swift).
        while process.isRunning { usleep(1000) }
        #expect(process.terminationStatus == 0)
    }

    @Test func writesToAFileDescriptor() throws {
        let curriculum = CurriculumPackReaderTests.expected
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pack-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: url) }
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        let writer = try CurriculumPackWriter(to: .fileDescriptor(handle.fileDescriptor, name: url.path))
        try writer.begin(curriculum.header)
        for workshop in curriculum.workshops { try writer.write(workshop) }
        try writer.finish()
        try handle.close()
        #expect(Array(try Data(contentsOf: url)) == (try CurriculumPackWriter.bytes(of: curriculum)))
    }

    @Test func aClosedDescriptorIsAnOutputError() throws {
        let writer = try CurriculumPackWriter(to: .fileDescriptor(-1, name: "nowhere.xml"))
        #expect(throws: XMLWriteError.self) {
            try writer.write(CurriculumPackReaderTests.expected)
        }
    }

    @Test func refusesWhatWouldNotReadBack() throws {
        var curriculum = CurriculumPackReaderTests.expected
        curriculum.workshops[0].title = LocalizedText(["en": "bell \u{7}"])
        #expect(throws: XMLWriteError(Message(.invalidValue, "workshop 'proportion' title [en]", "bell \u{7}"))) {
            try CurriculumPackWriter.bytes(of: curriculum)
        }
        curriculum = CurriculumPackReaderTests.expected
        curriculum.workshops[1].objectives = []
        #expect(throws: XMLWriteError(Message(.emptyName, "workshop 'orthographic-views' objectives"))) {
            try CurriculumPackWriter.bytes(of: curriculum)
        }
        curriculum = CurriculumPackReaderTests.expected
        curriculum.header.council = " \n"
        #expect(throws: XMLWriteError.self) { try CurriculumPackWriter.bytes(of: curriculum) }
        curriculum = CurriculumPackReaderTests.expected
        curriculum.workshops = []
        #expect(throws: XMLWriteError(Message(.emptyName, "curriculum 'freehand-drawing' workshops"))) {
            try CurriculumPackWriter.bytes(of: curriculum)
        }
    }
}
