import Foundation
import FormationDomain
import Testing
@testable import FormationXML

/// Every file of `shared/xml-attacks` (public security test suites) is refused with an `XMLIssue`,
/// quickly, without crashing: attacks, their helper DTDs and entities, and the "benign controls",
/// which are not curriculum packs.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: Paths.attacks.appendingPathComponent("manifest.tsv").path),
                "skipped: ../shared/xml-attacks is absent beside the repository"))
struct AttackCorpusTests {
    /// Every file below the folder but its README and manifest, as relative paths.
    static let files: [String] = {
        let root = Paths.attacks.path
        let paths = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return paths.filter { path in
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
            return !isFolder.boolValue && path != "README.md" && path != "manifest.tsv"
        }.sorted()
    }()

    @Test func everyFileOfTheManifestIsRead() throws {
        let manifest = try String(contentsOf: Paths.attacks.appendingPathComponent("manifest.tsv"), encoding: .utf8)
        let listed = manifest.split(separator: "\n").compactMap { $0.split(separator: "\t").first.map(String.init) }
        #expect(listed.count > 80)
        #expect(Set(listed).isSubset(of: Set(Self.files)))
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
