import Foundation
import Testing
@testable import FormationXML

/// `Sources/FormationXML/Schemas+Embedded.swift` must hold exactly the published schemas:
/// run `Scripts/embed-schemas.sh` after changing an `.xsd`.
@Suite struct EmbeddedSchemaTests {
    @Test(arguments: EmbeddedSchema.all.map(\.fileName))
    func embeddedSchemaEqualsPublishedFile(_ fileName: String) throws {
        let schema = try #require(EmbeddedSchema.all.first { $0.fileName == fileName })
        let published = try Data(contentsOf: Paths.curricula.appendingPathComponent(fileName))
        #expect(Array(schema.text.utf8) == Array(published), "run Scripts/embed-schemas.sh: \(fileName) changed")
    }

    @Test func everyPublishedSchemaIsEmbedded() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Paths.curricula.path).filter { $0.hasSuffix(".xsd") }
        #expect(!files.isEmpty)
        #expect(Set(files) == Set(EmbeddedSchema.all.map(\.fileName)), "add an embed line to Scripts/embed-schemas.sh")
    }

    @Test func eachFormatsSchemaIsEmbedded() {
        for format in XMLFormat.all {
            #expect(EmbeddedSchema.named(format.schema.fileName) == format.schema)
        }
    }

    @Test func schemaLocationsMatchOnTheirLastComponent() {
        #expect(EmbeddedSchema.named("xml.xsd") == .xml)
        #expect(EmbeddedSchema.named("file:///somewhere/xml.xsd") == .xml)
        #expect(EmbeddedSchema.named("passwd") == nil)
    }
}
