import Testing
@testable import FormationXML

/// The process-wide loader refuses every path and URL; it serves an embedded schema only to the
/// schema compiler, on the thread compiling our schemas.
@Suite struct ExternalEntityPolicyTests {
    @Test func theLoaderIsInstalledOnceAnythingIsRead() throws {
        _ = read(pack())
        #expect(ExternalEntityPolicy.isInstalled)
    }

    @Test(arguments: ["xml.xsd", "curriculum.xsd", "file:///etc/passwd", "/etc/hostname", "http://127.0.0.1:9/x.dtd", "g0.ent"])
    func nothingIsServedOutsideSchemaCompilation(_ url: String) {
        _ = LibXML2Runtime.schemas
        #expect(ExternalEntityPolicy.embeddedSchema(for: url) == nil)
    }

    @Test func embeddedSchemasAreServedWhileCompiling() {
        let served = ExternalEntityPolicy.servingEmbeddedSchemas {
            (ExternalEntityPolicy.embeddedSchema(for: "xml.xsd"), ExternalEntityPolicy.embeddedSchema(for: "/etc/passwd"))
        }
        #expect(served.0 == .xml)
        #expect(served.1 == nil)
    }
}
