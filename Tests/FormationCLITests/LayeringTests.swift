import Foundation
import Testing

/// The CLI and the web board talk only to use cases: no file of the `formation`, `FormationWeb` or
/// `FormationViews` targets imports the storage module (Package.swift does not give them the
/// dependency either), so no view, command or route can query.
@Suite struct LayeringTests {
    static let cliSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/formation")

    /// The other faces: the web board (issue 24) and the views both faces print.
    static let webSources = cliSources.deletingLastPathComponent().appendingPathComponent("FormationWeb")
    static let viewSources = cliSources.deletingLastPathComponent().appendingPathComponent("FormationViews")

    @Test(arguments: [(cliSources, 10), (webSources, 8), (viewSources, 5)])
    func aFaceImportsNoStorage(_ folder: URL, atLeast: Int) throws {
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        #expect(files.count > atLeast)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let imports = text.split(separator: "\n").filter { $0.contains("import FormationStorage") || $0.contains("import GRDB") }
            #expect(imports.isEmpty, "\(file)")
        }
    }
}
