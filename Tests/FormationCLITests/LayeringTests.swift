import Foundation
import Testing

/// The CLI talks only to use cases: no file of the `formation` target imports the storage module
/// (Package.swift does not give it the dependency either), so no view or command can query.
@Suite struct LayeringTests {
    static let cliSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/formation")

    @Test func theCLIImportsNoStorage() throws {
        let files = try #require(FileManager.default.enumerator(atPath: Self.cliSources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOf: Self.cliSources.appendingPathComponent(file), encoding: .utf8)
            let imports = text.split(separator: "\n").filter { $0.contains("import FormationStorage") || $0.contains("import GRDB") }
            #expect(imports.isEmpty, "\(file)")
        }
    }
}
