import Foundation
import FormationDomain
import Testing
@testable import FormationXML

/// Every file of `shared/xml-attacks` (public security test suites) is refused with an `XMLIssue`,
/// quickly, without crashing: attacks as well as the "benign controls", which are not curriculum
/// packs.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: Paths.attacks.appendingPathComponent("manifest.tsv").path),
                "skipped: ../shared/xml-attacks is absent beside the repository"))
struct AttackCorpusTests {
    static let files: [String] = {
        let manifest = (try? String(contentsOf: Paths.attacks.appendingPathComponent("manifest.tsv"), encoding: .utf8)) ?? ""
        return manifest.split(separator: "\n").compactMap { $0.split(separator: "\t").first.map(String.init) }
    }()

    @Test func theManifestListsTheCorpus() {
        #expect(Self.files.count > 80)
    }

    @Test(arguments: files)
    func refused(_ file: String) throws {
        let path = Paths.attacks.appendingPathComponent(file).path
        let start = Date()
        let result = read(.path(path))
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < 2, "\(file) took \(seconds) s")
        let failure = try #require(result.failure, "\(file) was accepted")
        #expect(!failure.issues.isEmpty)
        for issue in failure.issues where issue.message.id != .xmlUnknownDocument && issue.message.id != .xmlDoctypeRefused {
            #expect(!issue.message.text(.en).contains("/etc/passwd"), "\(file): \(issue.message.text(.en))")
        }
    }
}
