import Foundation
import FormationDomain
@testable import FormationXML

/// Paths of the repository and its fixtures, found from this file (no SwiftPM resources).
enum Paths {
    /// `Tests/FormationXMLTests/`.
    static let tests = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    static let fixtures = tests.appendingPathComponent("Fixtures")
    static let repository = tests.deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared/xml-attacks` beside the repository (present here and in CI).
    static let attacks = repository.deletingLastPathComponent().appendingPathComponent("shared/xml-attacks")

    static func fixture(_ name: String) -> String {
        fixtures.appendingPathComponent(name).path
    }
}

/// Reads with the given limits and read size; returns the curriculum or the issues.
func read(
    _ source: XMLSource, limits: XMLLimits = .default, readSize: Int = 64 << 10
) -> Result<PositionedCurriculum, XMLReadFailure> {
    var reader = CurriculumPackReader(limits: limits)
    reader.readSize = readSize
    do {
        return .success(try reader.readCurriculum(source))
    } catch let error as XMLReadFailure {
        return .failure(error)
    } catch {
        fatalError("unexpected error \(error)")
    }
}

func read(_ text: String, limits: XMLLimits = .default, readSize: Int = 64 << 10) -> Result<PositionedCurriculum, XMLReadFailure> {
    read(.bytes(Array(text.utf8)), limits: limits, readSize: readSize)
}

/// The issues of a refused document as `line:column id` strings, easy to compare and to read.
func issues(_ result: Result<PositionedCurriculum, XMLReadFailure>) -> [String] {
    switch result {
    case .success: []
    case .failure(let error): error.issues.map { "\($0.line):\($0.column) \($0.message.id.rawValue)" }
    }
}

extension Result {
    var value: Success? {
        if case .success(let value) = self { value } else { nil }
    }
}
