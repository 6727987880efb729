import FormationDomain
import FormationStorage
import Foundation
import Testing
@testable import FormationUseCases

/// The files of one import are opened together, before anything is read: when one cannot be
/// opened, those already opened are closed, not left to the end of the process.
@Suite struct ImporterInputTests {
    static func openDescriptors() throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
    }

    @Test func aMissingFileClosesTheFilesOpenedBeforeIt() throws {
        let pack = ConflictIdentityTests.packs.appendingPathComponent("freehand-drawing.xml").path
        let paths = Array(repeating: pack, count: 200) + ["/nonexistent/pack.xml"]
        let before = try Self.openDescriptors()
        #expect(throws: FileFailure.missing("/nonexistent/pack.xml")) { try InputFile.open(all: paths) }
        // Other tests run beside this one and open files of their own, but never a hundred at once.
        #expect(try Self.openDescriptors() - before < 100)
        let store = try FormationStore.inMemory()
        #expect(throws: FileFailure.self) { try Importer(store: store).run(paths: paths, validateOnly: true, replace: false) }
        #expect(try Self.openDescriptors() - before < 100)
    }
}
