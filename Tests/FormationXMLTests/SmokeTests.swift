import Testing
import Foundation
import FormationDomain
@testable import FormationXML

@Test func smoke() throws {
    let result = read(.path(Paths.fixture("valid/freehand-drawing.xml")))
    let bytes = try CurriculumPackWriter.bytes(of: result.value!.curriculum)
    print(String(decoding: bytes, as: UTF8.self))
    try Data(bytes).write(to: URL(fileURLWithPath: "/tmp/out.xml"))
}

@Test func attacks() throws {
    let manifest = try String(contentsOf: Paths.attacks.appendingPathComponent("manifest.tsv"), encoding: .utf8)
    for line in manifest.split(separator: "\n") {
        let file = String(line.split(separator: "\t")[0])
        let start = Date()
        let result = read(.path(Paths.attacks.appendingPathComponent(file).path))
        let t = Date().timeIntervalSince(start)
        var first = ""
        if case .failure(let e) = result { first = e.issues.map { "\($0.line):\($0.column) " + $0.message.text(.en) }.joined(separator: " | ") }
        print(String(format: "%.3f", t), file, first)
    }
}
