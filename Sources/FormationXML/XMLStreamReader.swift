#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CLibXML2
import FormationDomain
import Synchronization

/// What a format's builder receives while the reader walks a document: element starts and ends,
/// and text. Builders turn them into domain values at once; no libxml2 pointer outlives the call.
protocol XMLNodeHandler {
    /// The element and attribute names the handler compares against, interned once per read in
    /// the reader's dictionary so that a name is recognised by pointer, without copying it.
    static var vocabulary: [String] { get }
    /// The format whose root element this handler builds.
    static var format: XMLFormat { get }

    mutating func startElement(_ element: ElementStart, in session: ReadSession) throws
    mutating func endElement(in session: ReadSession) throws
    /// Text (or CDATA, or white space) directly inside the current element; `text` holds `count`
    /// UTF-8 bytes and is valid only during the call.
    mutating func text(_ text: UnsafePointer<UInt8>, count: Int, in session: ReadSession) throws
    /// The document ended cleanly.
    mutating func finish(in session: ReadSession) throws
    /// Whether values wait for validation to catch up.
    var hasPending: Bool { get }
    /// Hands over the waiting values whose elements are validated (`validatedEvents` element
    /// events so far), if the document is still clean; drops them all once it is not.
    mutating func deliver(validatedEvents: Int, in session: ReadSession) throws
}

/// One element start, valid during the `startElement` call only.
struct ElementStart {
    let node: xmlNodePtr
    /// Where its `<` is.
    let position: XMLPosition
    /// 1 for the root.
    let depth: Int
    /// Index in the handler's vocabulary, nil for a name it does not know.
    let word: Int?

    /// The element's attributes, namespace declarations excluded.
    func attributes(in session: ReadSession) -> AttributeList {
        AttributeList(first: node.pointee.properties, session: session)
    }
}

/// An element's attributes: each one's vocabulary index (nil if unknown), whether it has a
/// namespace (`xml:lang` has), and its node (valid during the element's `startElement` only).
struct AttributeList: Sequence, IteratorProtocol {
    fileprivate var upcoming: xmlAttrPtr?
    fileprivate let session: ReadSession

    init(first: xmlAttrPtr?, session: ReadSession) {
        upcoming = first
        self.session = session
    }

    mutating func next() -> (word: Int?, namespaced: Bool, node: xmlAttrPtr)? {
        guard let current = upcoming else { return nil }
        upcoming = current.pointee.next
        return (session.word(current.pointee.name), current.pointee.ns != nil, current)
    }
}

/// The reader state a handler may consult: names, issues, progress, and whether values may be
/// delivered.
final class ReadSession {
    let collector: IssueCollector
    let input: SharedInput
    fileprivate(set) var names: [UnsafePointer<xmlChar>] = []
    /// Element events (starts and ends) the reader has walked, the current one included.
    fileprivate(set) var elementEvents = 0

    init(collector: IssueCollector, input: SharedInput) {
        self.collector = collector
        self.input = input
    }

    /// The vocabulary index of an interned name (libxml2's reader interns every element and
    /// attribute name in its dictionary, so one pointer comparison per known word suffices).
    @inline(__always)
    func word(_ name: UnsafePointer<xmlChar>?) -> Int? {
        guard let name else { return nil }
        for index in names.indices where names[index] == name { return index }
        return nil
    }

    /// Problems of ours that the schema most likely reports too (a malformed id, a number out of
    /// range): kept aside until validation has ended, then recorded only where it did not.
    private var suspects: [(issue: XMLIssue, event: Int)] = []

    /// No issue so far, here or ahead: values may go to the consumer.
    var isClean: Bool { suspects.isEmpty && collector.isEmpty && input.failure == nil }

    func record(_ issue: XMLIssue, fatal: Bool = false) {
        collector.record(issue, .reader, event: elementEvents, fatal: fatal)
    }

    /// Records a problem of ours with an attribute, once validation has ended, unless the schema
    /// reported that line (so that the same mistake is not reported twice, whichever thread
    /// got there first).
    func recordUnlessSchemaSaidSo(_ issue: XMLIssue) {
        suspects.append((issue, elementEvents))
    }

    /// After validation: records the suspects the schema did not report.
    fileprivate func settleSuspects() {
        for (issue, event) in suspects where !collector.hasSchemaIssue(onLine: issue.line) {
            collector.record(issue, .reader, event: event)
        }
    }

    /// An attribute's value as a string (attribute values are one text node, entities being refused).
    func string(_ attribute: xmlAttrPtr) -> String {
        if let child = attribute.pointee.children, child.pointee.next == nil, let content = child.pointee.content {
            return String(cString: content)
        }
        guard let value = xmlNodeListGetString(attribute.pointee.doc, attribute.pointee.children, 1) else { return "" }
        defer { sf_xmlFree(value) }
        return String(cString: value)
    }

    /// A libxml2 error met by the reader, unless its input already failed (then a consequence).
    fileprivate func readerError(_ error: UnsafePointer<xmlError>) {
        if input.hasFailed(.reader) { return }
        collector.libxml2Error(error, event: elementEvents)
    }
}

/// The streaming core shared by every format: bytes through the `InputGuard` (via `SharedInput`),
/// XSD validation on a second thread (`StreamValidator`), libxml2's `xmlTextReader` on the calling
/// thread, errors from every channel into one `IssueCollector`, limits on depth and counts, root
/// detection, then nodes to a format's handler.
///
/// Synchronous from start to end, with no `await`: the thread-local error handlers and libxml2's
/// pointers stay on their threads, and the validating thread is joined before `read` returns.
enum XMLStreamReader {
    /// Parser options: no network, no error printing, small texts stored in their node. Never
    /// NOENT, DTDLOAD, DTDVALID, XINCLUDE or HUGE. Not NOCDATA either: libxml2 2.9.14 then drops
    /// CDATA text from the reader's nodes when a schema is plugged in (the builder takes CDATA
    /// nodes as text instead).
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)

    private enum Outcome {
        case completed
        case stopped
        case unknownRoot(XMLIssue)
    }

    /// Reads `source` through `handler`.
    /// - Throws: `XMLReadFailure` with the document's issues, or whatever the handler throws.
    static func read<Handler: XMLNodeHandler>(
        _ source: XMLSource, limits: XMLLimits, readSize: Int, handler: inout Handler
    ) throws {
        let schemas = LibXML2Runtime.schemas
        let collector = IssueCollector(maxIssues: limits.maxIssues)
        let input = SharedInput(inputGuard: InputGuard(input: try ByteInput(source), limits: limits, readSize: readSize),
                                collector: collector)
        let session = ReadSession(collector: collector, input: input)
        let validator = StreamValidator(schemas: schemas, input: input, collector: collector)
        let sessionContext = Unmanaged.passUnretained(session).toOpaque()
        let inputContext = Unmanaged.passUnretained(input).toOpaque()

        let saved = sf_installErrorHandlers(collectReaderError, sessionContext)
        defer { sf_restoreErrorHandlers(saved) }

        guard validator.start() else {
            throw XMLReadFailure(issues: [XMLIssue(line: 0, column: 0, message: Message(
                .xmlSchemaViolation, "the validating thread could not start"))])
        }
        var joined = false
        defer {
            if !joined {
                input.cancel()
                validator.join()
            }
        }
        guard let reader = xmlReaderForIO(readForReader, closeNothing, inputContext, nil, nil, options) else {
            throw XMLReadFailure(issues: [input.failure
                ?? XMLIssue(line: 0, column: 0, message: Message(.xmlNotWellFormed, arguments: [.message(Message(.xmlReaderCouldNotStart))]))])
        }
        defer { xmlFreeTextReader(reader) }
        xmlTextReaderSetStructuredErrorHandler(reader, collectReaderError, sessionContext)
        session.names = Handler.vocabulary.map { word in
            guard let name = xmlTextReaderConstString(reader, word) else { preconditionFailure("out of memory") }
            return name
        }

        let outcome = try walk(reader, limits: limits, session: session, validator: validator, handler: &handler)
        switch outcome {
        case .completed:
            input.leave(.reader)
        case .stopped:
            // Let validation report what lies before the place the reader stopped, then end.
            input.leave(.reader)
            input.stopProduction()
        case .unknownRoot:
            input.cancel()
        }
        validator.join()
        joined = true
        session.settleSuspects()

        if case .unknownRoot(let issue) = outcome {
            collector.dropSchemaIssues()
            session.record(issue)
        }
        if case .completed = outcome, session.isClean {
            try handler.finish(in: session)
            try handler.deliver(validatedEvents: .max, in: session)
        }
        // The guard's violation, unless libxml2 already stopped on an error before it.
        if let failure = input.failure {
            let earlier = collector.finalIssues().contains {
                $0.position < failure.position && $0.message.id == .xmlNotWellFormed
            }
            if failure.line == 0 || !earlier { collector.record(failure, .guardian, event: .max) }
        }
        if collector.isEmpty, case .stopped = outcome {
            let position = XMLPosition(line: Int(xmlTextReaderGetParserLineNumber(reader)),
                                       column: Int(xmlTextReaderGetParserColumnNumber(reader)))
            session.record(XMLIssue(at: position, Message(.xmlNotWellFormed, arguments: [.message(Message(.xmlNotReadToEnd))])))
        }
        if collector.isEmpty, validator.result != 0 {
            collector.record(XMLIssue(line: 0, column: 0, message: Message(
                .xmlSchemaViolation, "the document does not follow the schema")), .schema, event: 0)
        }
        if !collector.isEmpty { throw XMLReadFailure(issues: collector.finalIssues()) }
    }

    /// Walks the nodes.
    private static func walk<Handler: XMLNodeHandler>(
        _ reader: xmlTextReaderPtr, limits: XMLLimits, session: ReadSession, validator: StreamValidator,
        handler: inout Handler
    ) throws -> Outcome {
        let collector = session.collector
        var depth = 0
        var rootSeen = false
        var lastPosition = XMLPosition(line: 1, column: 1)
        while !collector.mustStop {
            let status = xmlTextReaderRead(reader)
            guard status == 1 else { return status == 0 && !collector.mustStop ? .completed : .stopped }
            switch xmlTextReaderNodeType(reader) {
            case ReaderNode.element:
                guard let node = xmlTextReaderCurrentNode(reader) else { continue }
                let position = session.input.nextStartTag()
                    ?? XMLPosition(line: Int(xmlGetLineNo(node)), column: 0)
                lastPosition = position
                depth += 1
                session.elementEvents += 1
                // The validator stopped on too many issues: nothing past that place is reported.
                if session.elementEvents > collector.validatorStoppedAtEvent { return .stopped }
                if depth > limits.maxDepth {
                    session.record(XMLIssue(at: position, Message(.xmlTooDeep, String(limits.maxDepth))), fatal: true)
                    return .stopped
                }
                guard checkCounts(node, at: position, limits: limits, session: session) else { return .stopped }
                if !rootSeen {
                    rootSeen = true
                    guard isRoot(node, of: Handler.format) else {
                        return .unknownRoot(XMLIssue(at: position, Message(.xmlUnknownDocument, qualifiedName(node))))
                    }
                }
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                try handler.startElement(
                    ElementStart(node: node, position: position, depth: depth, word: session.word(node.pointee.name)),
                    in: session)
                if isEmpty {
                    session.elementEvents += 1
                    try handler.endElement(in: session)
                    depth -= 1
                }
                if handler.hasPending {
                    try handler.deliver(validatedEvents: validator.validatedEvents.load(ordering: .acquiring), in: session)
                }
            case ReaderNode.endElement:
                session.elementEvents += 1
                try handler.endElement(in: session)
                depth -= 1
                if handler.hasPending {
                    try handler.deliver(validatedEvents: validator.validatedEvents.load(ordering: .acquiring), in: session)
                }
            case ReaderNode.text, ReaderNode.cdata, ReaderNode.whitespace, ReaderNode.significantWhitespace:
                guard let value = xmlTextReaderConstValue(reader) else { continue }
                let count = strlen(value.cString)
                if count > limits.maxTextBytes {
                    session.record(XMLIssue(at: lastPosition, Message(.xmlTextTooLong, String(limits.maxTextBytes))), fatal: true)
                    return .stopped
                }
                try handler.text(value, count: count, in: session)
            default:
                break  // comments, processing instructions
            }
        }
        return .stopped
    }

    /// Attributes and namespace declarations of one element, counted again on the parsed node
    /// (the guard already refused bigger tags; this holds whatever the bytes looked like).
    private static func checkCounts(
        _ node: xmlNodePtr, at position: XMLPosition, limits: XMLLimits, session: ReadSession
    ) -> Bool {
        var attributes = 0
        var attribute = node.pointee.properties
        while let current = attribute {
            attributes += 1
            attribute = current.pointee.next
        }
        var namespaces = 0
        var namespace = node.pointee.nsDef
        while let current = namespace {
            namespaces += 1
            namespace = current.pointee.next
        }
        if attributes > limits.maxAttributes {
            session.record(XMLIssue(at: position, Message(.xmlTooManyAttributes, String(limits.maxAttributes))), fatal: true)
            return false
        }
        if namespaces > limits.maxNamespaceDeclarations {
            session.record(XMLIssue(at: position, Message(.xmlTooManyNamespaces, String(limits.maxNamespaceDeclarations))),
                           fatal: true)
            return false
        }
        return true
    }

    private static func isRoot(_ node: xmlNodePtr, of format: XMLFormat) -> Bool {
        guard let namespace = node.pointee.ns?.pointee.href, let name = node.pointee.name else { return false }
        return format.namespace.withCString { strcmp($0, namespace.cString) == 0 }
            && format.root.withCString { strcmp($0, name.cString) == 0 }
    }

    /// `{namespace}name`, or `name` outside any namespace, for "unknown document" messages.
    private static func qualifiedName(_ node: xmlNodePtr) -> String {
        let name = node.pointee.name.map { String(cString: $0) } ?? "?"
        guard let namespace = node.pointee.ns?.pointee.href else { return name }
        let text = "{\(String(cString: namespace))}\(name)"
        return text.count > 200 ? String(text.prefix(199)) + "…" : text
    }
}

extension UnsafePointer where Pointee == xmlChar {
    /// The same bytes seen as C characters, for `strcmp`.
    var cString: UnsafePointer<CChar> { UnsafeRawPointer(self).assumingMemoryBound(to: CChar.self) }
}

/// The reader thread's structured error channel; `context` is the read's `ReadSession`.
private func collectReaderError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    Unmanaged<ReadSession>.fromOpaque(context).takeUnretainedValue().readerError(error)
}

/// The node kinds `xmlTextReaderNodeType` reports that the walk handles, by libxml2's names
/// (`xmlReaderTypes`); comments and processing instructions are skipped.
private enum ReaderNode {
    static let element = Int32(XML_READER_TYPE_ELEMENT.rawValue)
    static let endElement = Int32(XML_READER_TYPE_END_ELEMENT.rawValue)
    static let text = Int32(XML_READER_TYPE_TEXT.rawValue)
    static let cdata = Int32(XML_READER_TYPE_CDATA.rawValue)
    static let whitespace = Int32(XML_READER_TYPE_WHITESPACE.rawValue)
    static let significantWhitespace = Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue)
}
