import Foundation
import FormationDomain
import Testing
@testable import FormationXML

/// Byte-level attacks and mistakes, each refused with its own message before libxml2 parses it.
@Suite struct HostileInputTests {
    /// Runs `body`, expecting it to be quick.
    private func quickly<T>(_ body: () -> T, sourceLocation: SourceLocation = #_sourceLocation) -> T {
        let start = Date()
        let result = body()
        #expect(Date().timeIntervalSince(start) < 2, "took too long", sourceLocation: sourceLocation)
        return result
    }

    @Test func aDoctypeIsRefusedWhereItStands() {
        #expect(issues(read("<?xml version=\"1.0\"?>\n  <!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>")) == ["2:3 xmlDoctypeRefused"])
    }

    @Test func aNulByteIsRefused() {
        var bytes = Array(pack().utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "P"))!  // in "<title xml:lang="en">Pack</title>", line 3
        bytes[at] = 0
        #expect(issues(read(.bytes(bytes))) == ["3:24 xmlNulByte"])
    }

    @Test func aUTF16ByteOrderMarkIsRefused() {
        let utf16 = [UInt8]([0xFF, 0xFE]) + pack().utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(issues(read(.bytes(utf16))) == ["1:1 xmlEncodingRefused"])
        let bigEndian = [UInt8]([0xFE, 0xFF]) + pack().utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(issues(read(.bytes(bigEndian))) == ["1:1 xmlEncodingRefused"])
    }

    @Test(arguments: ["ISO-8859-1", "latin1", "UTF-16", "UTF8", "us-ascii", "Windows-1252"])
    func aDeclaredEncodingOtherThanUTF8IsRefused(_ encoding: String) throws {
        let text = pack().replacingOccurrences(of: "UTF-8", with: encoding)
        let failure = try #require(read(text).failure)
        #expect(failure.issues.map(\.message) == [Message(.xmlEncodingRefused, encoding)])
        #expect(failure.issues.first?.position == XMLPosition(line: 1, column: 21))
    }

    @Test func twoHundredThousandAttributesAreRefusedAtOnce() {
        var tag = "<curriculum xmlns=\"urn:selfformation:curriculum:1\""
        for i in 0..<200_000 { tag += " a\(i)=\"x\"" }
        tag += "/>"
        #expect(quickly { issues(read(tag)) } == ["1:1 xmlTooManyAttributes"])
    }

    @Test func attributesAndNamespaceDeclarationsAreCounted() {
        let attributes = (0..<33).map { " a\($0)=\"x\"" }.joined()
        #expect(issues(read(pack("  <workshop\(attributes)/>"))) == ["6:3 xmlTooManyAttributes"])
        let namespaces = (0..<9).map { " xmlns:p\($0)=\"urn:p:\($0)\"" }.joined()
        #expect(issues(read(pack("  <workshop\(namespaces)/>"))) == ["6:3 xmlTooManyNamespaces"])
        // `xmlns`-like names that are not declarations are attributes.
        let lookalikes = (0..<9).map { " xmlnsx\($0)=\"1\"" }.joined()
        #expect(firstIssue(read(pack("  <workshop\(lookalikes)/>"))) == .xmlSchemaViolation)
    }

    @Test func anOverLongTagIsRefused() {
        let value = String(repeating: "x", count: 20_000)
        #expect(issues(read(pack("  <workshop id=\"\(value)\"/>"))) == ["6:3 xmlTagTooLong"])
        // The root's tag is 76 bytes; this workshop's, 91.
        let limits = XMLLimits(maxTagBytes: 85)
        let tag = "<workshop id=\"w\" category=\"technical\" minutes=\"30\" minParticipants=\"2\" maxParticipants=\"4\">"
        #expect(issues(read(pack("  \(tag)</workshop>"), limits: limits)) == ["6:3 xmlTagTooLong"])
    }

    @Test func tenThousandLevelsOfNestingAreRefused() {
        let text = "<curriculum xmlns=\"urn:selfformation:curriculum:1\">" + String(repeating: "<a>", count: 10_000)
            + String(repeating: "</a>", count: 10_000) + "</curriculum>"
        let result = quickly { read(text) }
        // The schema refuses the first <a> too (and nothing past where the reader stopped).
        #expect(issues(result).last == "1:241 xmlTooDeep")
        #expect(issues(result).filter { $0.hasSuffix("xmlTooDeep") }.count == 1)
    }

    @Test func anOverLongTextIsRefused() throws {
        let limits = XMLLimits(maxTextBytes: 1000)
        let long = String(repeating: "x", count: 1500)
        #expect(firstIssue(read(pack(header: "\n  <description xml:lang=\"en\">\(long)</description>"), limits: limits)) == .xmlTextTooLong)
        // CDATA sections count towards the text they sit in.
        let cdata = "<![CDATA[\(String(repeating: "y", count: 600))]]>"
        let split = "<description xml:lang=\"en\">\(String(repeating: "x", count: 600))\(cdata)</description>"
        #expect(firstIssue(read(pack(header: "\n  \(split)"), limits: limits)) == .xmlTextTooLong)
        // So do comments, on their own.
        let comment = "<!-- \(long) -->"
        #expect(firstIssue(read(pack(header: "\n  \(comment)"), limits: limits)) == .xmlTextTooLong)
        // And the default limit holds a megabyte of text.
        let megabyte = String(repeating: "z", count: (1 << 20) + 1)
        #expect(firstIssue(read(pack(header: "\n  <description xml:lang=\"en\">\(megabyte)</description>"))) == .xmlTextTooLong)
    }

    @Test func aFileOverTheSizeCapIsRefused() {
        let limits = XMLLimits(maxFileBytes: 100)
        let result = read(pack(), limits: limits)
        #expect(firstIssue(result) == .xmlFileTooLarge)
        #expect(read(pack(), limits: XMLLimits(maxFileBytes: pack().utf8.count)).value != nil)
    }

    @Test func emptyAndBlankInputsAreEmpty() {
        #expect(issues(read("")) == ["1:1 xmlEmptyInput"])
        #expect(issues(read(" \n\t\n")) == ["1:1 xmlEmptyInput"])
        #expect(issues(read(.bytes([0xEF, 0xBB, 0xBF]))) == ["1:1 xmlEmptyInput"])
    }

    @Test func textThatIsNotXMLIsRefused() {
        #expect(issues(read("  hello <a/>")) == ["1:3 xmlNotWellFormed"])
    }

    @Test func aGzippedPackIsRefusedNotInflated() throws {
        let gzipped = try Data(contentsOf: Paths.fixtures.appendingPathComponent("valid/freehand-drawing.xml.gz"))
        #expect(gzipped.starts(with: [0x1F, 0x8B]))
        let result = quickly { read(.bytes(Array(gzipped))) }
        #expect(issues(result) == ["1:1 xmlNotWellFormed"])
        let path = Paths.fixture("valid/freehand-drawing.xml.gz")
        #expect(issues(read(.path(path))) == ["1:1 xmlNotWellFormed"])
    }

    @Test func entityReferencesAreRefusedWithoutEchoingThem() throws {
        let failure = try #require(read(.path(Paths.fixture("invalid/entity-reference.xml"))).failure)
        #expect(failure.issues.count == 1)
        #expect(failure.issues[0].message.id == .xmlNotWellFormed)
        #expect(!failure.issues[0].message.text(.en).contains("nbsp"))
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { failure } else { nil }
    }
}
