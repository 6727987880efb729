import Foundation
import FormationDomain
@testable import FormationXML

/// Paths of the repository and its fixtures, found from this file (no SwiftPM resources).
enum Paths {
    /// `Tests/FormationXMLTests/` (symbolic links resolved, so that a harness linking the folder works).
    static let tests = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    static let fixtures = tests.appendingPathComponent("Fixtures")
    static let repository = tests.deletingLastPathComponent().deletingLastPathComponent()
    static let curricula = repository.appendingPathComponent("Curricula")
    /// `../shared/xml-attacks` beside the repository (present on developers' machines and in CI).
    static let attacks = repository.deletingLastPathComponent().appendingPathComponent("shared/xml-attacks")

    static func fixture(_ name: String) -> String {
        fixtures.appendingPathComponent(name).path
    }

    /// Golden files are re-recorded, instead of compared, when this is set.
    static let recording = ProcessInfo.processInfo.environment["FORMATION_RECORD_GOLDEN"] != nil
}

/// Reads with the given limits and read size; returns the curriculum or the failure.
func read(
    _ source: XMLSource, limits: XMLLimits = .default, readSize: Int = 64 << 10
) -> Result<PositionedCurriculum, XMLReadFailure> {
    var reader = CurriculumPackReader(limits: limits)
    reader.readSize = readSize
    do {
        return .success(try reader.readCurriculum(source))
    } catch let failure as XMLReadFailure {
        return .failure(failure)
    } catch {
        preconditionFailure("unexpected error \(error)")
    }
}

func read(_ text: String, limits: XMLLimits = .default, readSize: Int = 64 << 10) -> Result<PositionedCurriculum, XMLReadFailure> {
    read(.bytes(Array(text.utf8)), limits: limits, readSize: readSize)
}

/// A refused document's issues as `line:column id` lines, easy to compare and to read.
func issues(_ result: Result<PositionedCurriculum, XMLReadFailure>) -> [String] {
    switch result {
    case .success: []
    case .failure(let failure): failure.issues.map { "\($0.line):\($0.column) \($0.message.id.rawValue)" }
    }
}

/// The first issue's message id, or nil for an accepted document.
func firstIssue(_ result: Result<PositionedCurriculum, XMLReadFailure>) -> MessageID? {
    if case .failure(let failure) = result { failure.issues.first?.message.id } else { nil }
}

extension Result {
    var value: Success? {
        if case .success(let value) = self { value } else { nil }
    }
}

/// A minimal valid pack around `workshops` (XML text of `<workshop>` elements).
func pack(_ workshops: String = defaultWorkshop, header: String = "") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <curriculum xmlns="urn:selfformation:curriculum:1" id="pack" version="1">
      <title xml:lang="en">Pack</title>\(header)
      <council>Council</council>
      <license>CC-BY-SA-4.0</license>
    \(workshops)
    </curriculum>

    """
}

let defaultWorkshop = """
      <workshop id="w" category="technical" minutes="30">
        <title xml:lang="en">W</title>
        <objectives><objective><text xml:lang="en">Learn</text></objective></objectives>
      </workshop>
    """
