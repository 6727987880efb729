#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CLibXML2
import FormationDomain
import Synchronization

/// XSD validation of the guarded byte stream on a thread of its own, while the calling thread
/// builds domain values from the same bytes: validation is most of the cost (libxml2 2.9.14 parses
/// a pack about four times faster without it), so on two cores the two run side by side.
///
/// Uses libxml2's SAX streaming validator (`xmlSchemaValidateStream`), which builds no tree. Its
/// schema errors go to the shared `IssueCollector`; its parser's well-formedness errors are
/// dropped, because the reader meets and reports the very same ones.
///
/// Progress is counted in element events (starts and ends, in document order, as both parsers see
/// them): `validatedEvents` says how many are fully validated, so the reader hands a workshop to
/// its consumer only once validation has passed its end tag without an issue.
///
/// `@unchecked Sendable`: `events` is touched only by the validating thread; the rest is immutable,
/// atomic, or synchronised by `pthread_join`.
final class StreamValidator: @unchecked Sendable {
    private let schemas: CompiledSchemaSet
    private let input: SharedInput
    private let collector: IssueCollector
    /// Element events fully validated so far (`Int.max` once validation has ended).
    let validatedEvents = Atomic<Int>(0)
    /// Events seen by the validating thread's SAX handler.
    fileprivate var events = 0
    /// `xmlSchemaValidateStream`'s result: 0 valid, > 0 invalid, -1 internal error.
    private(set) var result: Int32 = 0
    private var thread: pthread_t?

    init(schemas: CompiledSchemaSet, input: SharedInput, collector: IssueCollector) {
        self.schemas = schemas
        self.input = input
        self.collector = collector
    }

    /// Starts validating on a new thread. - Returns: false if no thread could be made.
    func start() -> Bool {
        let context = Unmanaged.passRetained(self).toOpaque()
        var created = pthread_t()
        #if canImport(Glibc)
        let status = pthread_create(&created, nil, { context in
            let validator = Unmanaged<StreamValidator>.fromOpaque(context!).takeRetainedValue()
            validator.run()
            return nil
        }, context)
        #else
        let status = pthread_create(&created, nil, { context in
            let validator = Unmanaged<StreamValidator>.fromOpaque(context).takeRetainedValue()
            validator.run()
            return nil
        }, context)
        #endif
        guard status == 0 else {
            Unmanaged<StreamValidator>.fromOpaque(context).release()
            return false
        }
        thread = created
        return true
    }

    /// Waits for the validating thread to end.
    func join() {
        guard let thread else { return }
        pthread_join(thread, nil)
        self.thread = nil
    }

    /// The validating thread's body: synchronous, with its own thread-local error handlers.
    private func run() {
        defer {
            input.leave(.validator)
            validatedEvents.store(Int.max, ordering: .releasing)
        }
        let saved = sf_installErrorHandlers(ignoreError, nil)
        defer { sf_restoreErrorHandlers(saved) }
        guard let validation = xmlSchemaNewValidCtxt(schemas.schema) else {
            result = -1
            return
        }
        defer { xmlSchemaFreeValidCtxt(validation) }
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlSchemaSetValidStructuredErrors(validation, collectValidatorError, context)
        let inputContext = Unmanaged.passUnretained(input).toOpaque()
        guard let buffer = xmlParserInputBufferCreateIO(readForValidator, closeNothing, inputContext, XML_CHAR_ENCODING_NONE)
        else {
            result = -1
            return
        }
        // A SAX2 handler that only counts element events; no tree is built.
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = countStart
        handler.endElementNs = countEnd
        result = xmlSchemaValidateStream(validation, buffer, XML_CHAR_ENCODING_NONE, &handler, context)
    }

    /// A schema error, unless this thread's input already failed (then it is a consequence).
    fileprivate func schemaError(_ error: UnsafePointer<xmlError>) {
        if input.hasFailed(.validator) { return }
        collector.libxml2Error(error, event: events)
    }

    /// Called by the SAX handler before the validator sees event number `events`: so every
    /// earlier event is fully validated.
    @inline(__always)
    fileprivate func event() {
        events += 1
        validatedEvents.store(events - 1, ordering: .releasing)
    }
}

private func countStart(
    _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
    _ attributeCount: Int32, _ defaulted: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    guard let context else { return }
    Unmanaged<StreamValidator>.fromOpaque(context).takeUnretainedValue().event()
}

private func countEnd(
    _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?
) {
    guard let context else { return }
    Unmanaged<StreamValidator>.fromOpaque(context).takeUnretainedValue().event()
}

private func collectValidatorError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    Unmanaged<StreamValidator>.fromOpaque(context).takeUnretainedValue().schemaError(error)
}

/// The validating thread's parser errors: the reader reports the same ones.
private func ignoreError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {}
