import Foundation
import Testing
import FormationXML

/// Inputs kept from `Scripts/fuzz.sh` (`Fixtures/fuzz/`): each must be read or refused with an
/// `XMLReadFailure`, never crash, hang or fail any other way.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }
            .sorted()
    }

    @Test func theFolderIsThere() {
        #expect(!Self.inputs.isEmpty, "no input in \(Self.folder.path)")
    }

    @Test(arguments: inputs)
    func keptInputIsReadOrRefused(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let started = Date()
        do {
            _ = try CurriculumPackReader().readCurriculum(.bytes(bytes))
        } catch let failure as XMLReadFailure {
            #expect(!failure.issues.isEmpty)
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }
}
