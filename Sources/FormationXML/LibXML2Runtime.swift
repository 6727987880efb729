#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CLibXML2
import Synchronization

/// Process-wide libxml2 settings, made once before anything parses: the library initialised, a
/// deny-all external entity loader, and the interchange schemas compiled.
///
/// The entity loader is one setting for the whole process (shared with anything else that links
/// libxml2, FoundationXML included), so every read and write calls `prepare()`, which also puts
/// our loader back if something replaced it.
enum LibXML2Runtime {
    /// Initialises libxml2 and installs the loader; cheap after the first call.
    static func prepare() {
        _ = initialised
        if !ExternalEntityPolicy.isInstalled { ExternalEntityPolicy.install() }
    }

    private static let initialised: Bool = {
        xmlInitParser()
        ExternalEntityPolicy.install()
        return true
    }()

    /// Every interchange format's schema, compiled once per process.
    static var schemas: CompiledSchemaSet {
        prepare()
        return compiled
    }

    private static let compiled = CompiledSchemaSet.compile()
}

/// The compiled schema of all interchange formats: a wrapper that imports each format's schema,
/// so that one validator accepts any of our roots and the root element then says which format a
/// file is (a battle record validates next to a curriculum pack with no change here).
///
/// `@unchecked Sendable`: the compiled `xmlSchema` is never written after `compile()` returns;
/// libxml2 lets validation contexts in several threads share one read-only schema, and each read
/// makes its own `xmlSchemaValidCtxt`.
final class CompiledSchemaSet: @unchecked Sendable {
    let schema: xmlSchemaPtr

    private init(schema: xmlSchemaPtr) { self.schema = schema }

    static func compile() -> CompiledSchemaSet {
        var wrapper = #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">"#
        for format in XMLFormat.all {
            wrapper += #"<xs:import namespace="\#(format.namespace)" schemaLocation="\#(format.schema.fileName)"/>"#
        }
        wrapper += "</xs:schema>"
        let messages = CompilerMessages()
        let context = Unmanaged.passUnretained(messages).toOpaque()
        let saved = sf_installErrorHandlers(compilerError, context)
        defer { sf_restoreErrorHandlers(saved) }

        let schema: xmlSchemaPtr? = ExternalEntityPolicy.servingEmbeddedSchemas {
            let length = Int32(wrapper.utf8.count)
            return wrapper.withCString { text -> xmlSchemaPtr? in
                guard let parser = xmlSchemaNewMemParserCtxt(text, length) else { return nil }
                defer { xmlSchemaFreeParserCtxt(parser) }
                xmlSchemaSetParserStructuredErrors(parser, compilerError, context)
                return xmlSchemaParse(parser)
            }
        }
        guard let schema, messages.lines.isEmpty else {
            // The schemas are built in and tested: this is a broken build, not a user error.
            preconditionFailure("the embedded XML schemas do not compile: \(messages.lines)")
        }
        return CompiledSchemaSet(schema: schema)
    }
}

/// Errors met while compiling the embedded schemas (there should be none).
private final class CompilerMessages {
    var lines: [String] = []
}

private func compilerError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    let messages = Unmanaged<CompilerMessages>.fromOpaque(context).takeUnretainedValue()
    let text = error.pointee.message.map { String(cString: $0) } ?? "error \(error.pointee.code)"
    messages.lines.append(text.trimmingTrailingSpace())
}

/// Who may load what: nobody loads anything, except the schema compiler, on the thread compiling
/// our schemas, asking for one of the embedded `.xsd` files by name. Every other path and URL
/// (DTDs, external entities, `xsi:schemaLocation`, XInclude) is refused, whatever the parser
/// options; `XML_PARSE_NONET` alone does not stop `file:` reads.
enum ExternalEntityPolicy {
    /// The thread compiling our schemas, while it does.
    private static let compilingThread = Mutex<pthread_t?>(nil)

    /// The embedded schemas as NUL-terminated bytes that live as long as the process.
    private static let permanentSchemas: [String: PermanentBytes] = Dictionary(
        uniqueKeysWithValues: EmbeddedSchema.all.map { ($0.fileName, PermanentBytes($0.text)) })

    static func install() {
        xmlSetExternalEntityLoader(loadExternalEntity)
    }

    static var isInstalled: Bool {
        guard let current = xmlGetExternalEntityLoader() else { return false }
        return unsafeBitCast(current, to: UnsafeRawPointer.self)
            == unsafeBitCast(loadExternalEntity as xmlExternalEntityLoader, to: UnsafeRawPointer.self)
    }

    /// Runs `body` (a schema compilation) with the embedded schemas served to this thread only.
    static func servingEmbeddedSchemas<T>(_ body: () -> T) -> T {
        compilingThread.withLock { $0 = pthread_self() }
        defer { compilingThread.withLock { $0 = nil } }
        return body()
    }

    /// The embedded schema `url` names, if this thread is compiling our schemas; else nil.
    static func embeddedSchema(for url: String) -> EmbeddedSchema? {
        let compiling = compilingThread.withLock { thread in
            thread.map { pthread_equal($0, pthread_self()) != 0 } ?? false
        }
        return compiling ? EmbeddedSchema.named(url) : nil
    }

    /// The loader: an embedded schema during our compilation, else nothing.
    fileprivate static func load(_ url: UnsafePointer<CChar>?, _ context: xmlParserCtxtPtr?) -> xmlParserInputPtr? {
        guard let url, let schema = embeddedSchema(for: String(cString: url)),
              let bytes = permanentSchemas[schema.fileName] else { return nil }
        return xmlNewStringInputStream(context, bytes.pointer)
    }
}

private func loadExternalEntity(
    _ url: UnsafePointer<CChar>?, _ id: UnsafePointer<CChar>?, _ context: xmlParserCtxtPtr?
) -> xmlParserInputPtr? {
    ExternalEntityPolicy.load(url, context)
}

/// A NUL-terminated copy of a string, never freed and never written.
///
/// `@unchecked Sendable`: immutable after `init`, and it lives as long as the process.
private final class PermanentBytes: @unchecked Sendable {
    let pointer: UnsafePointer<xmlChar>

    init(_ text: String) {
        let bytes = Array(text.utf8) + [0]
        let storage = UnsafeMutablePointer<xmlChar>.allocate(capacity: bytes.count)
        storage.initialize(from: bytes, count: bytes.count)
        pointer = UnsafePointer(storage)
    }
}

extension String {
    /// The string without trailing white space (libxml2 messages end with a line break).
    func trimmingTrailingSpace() -> String {
        var scalars = Substring(self)
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
