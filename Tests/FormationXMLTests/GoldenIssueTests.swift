import Foundation
import FormationDomain
import Testing
@testable import FormationXML

/// Each `Fixtures/invalid/NAME.xml` is refused with exactly the issues of `NAME.expected`: one
/// `line:column messageID` per line, then ` # ` and the English text (not compared; libxml2 words
/// its own messages). Re-record with `FORMATION_RECORD_GOLDEN=1 swift test`.
@Suite struct GoldenIssueTests {
    static let names: [String] = {
        let folder = Paths.fixture("invalid")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }.sorted()
    }()

    @Test func thereAreGoldenPacks() {
        #expect(Self.names.count >= 10)
    }

    @Test(arguments: names)
    func refusedWithTheExpectedIssues(_ name: String) throws {
        let result = read(.path(Paths.fixture("invalid/\(name).xml")))
        guard case .failure(let failure) = result else {
            Issue.record("\(name).xml was accepted")
            return
        }
        let actual = failure.issues.map { "\($0.line):\($0.column) \($0.message.id.rawValue) # \($0.message.text(.en))" }
        let goldenURL = Paths.fixtures.appendingPathComponent("invalid/\(name).expected")
        if Paths.recording {
            try (actual.joined(separator: "\n") + "\n").write(to: goldenURL, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: goldenURL, encoding: .utf8).split(separator: "\n").map(String.init)
        func key(_ line: String) -> String { line.components(separatedBy: " # ")[0] }
        #expect(actual.map(key) == golden.map(key))
    }
}
