import Testing
@testable import FormationXML

/// Issue 15, item 11: the kind of a file is its root element's, not the first `<name` in its text.
@Suite struct InterchangeKindTests {
    func sniff(_ text: String) -> InterchangeKind? { InterchangeKind.sniff(Array(text.utf8)) }

    @Test func commentsAndProcessingInstructionsAreSkippedWhole() {
        #expect(sniff("<?xml version=\"1.0\"?>\n<!-- a > b: <battleRecord> -->\n<curriculum xmlns=\"urn:selfformation:curriculum:1\">") == .curriculumPack)
        #expect(sniff("<?xml version=\"1.0\"?><?pi <battleRecord> ?><c:curriculum xmlns:c=\"urn:selfformation:curriculum:1\"/>") == .curriculumPack)
        #expect(sniff("<!-- <curriculum> --><battleRecord xmlns=\"urn:selfformation:battle:1\">") == .battleRecord)
        #expect(sniff("<!----><battleRecord>") == .battleRecord)
    }

    @Test func anUnfinishedOrForeignStartCannotBeTold() {
        #expect(sniff("<!-- <battleRecord> never closed") == nil)
        #expect(sniff("<a><battleRecord/></a>") == nil)
        #expect(sniff("") == nil)
    }
}
