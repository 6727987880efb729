#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CLibXML2
import FormationDomain

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

/// The reader state a handler may consult: names, issues, and whether values may be delivered.
final class ReadSession {
    let collector: IssueCollector
    let inputGuard: InputGuard
    private let names: [UnsafePointer<xmlChar>]

    init(collector: IssueCollector, inputGuard: InputGuard, names: [UnsafePointer<xmlChar>]) {
        self.collector = collector
        self.inputGuard = inputGuard
        self.names = names
    }

    /// The vocabulary index of an interned name (libxml2's reader interns every element and
    /// attribute name in its dictionary, so one pointer comparison per known word suffices).
    @inline(__always)
    func word(_ name: UnsafePointer<xmlChar>?) -> Int? {
        guard let name else { return nil }
        for index in names.indices where names[index] == name { return index }
        return nil
    }

    /// No issue so far, here or ahead: values may go to the consumer.
    var isClean: Bool { collector.isEmpty && inputGuard.failure == nil }

    func record(_ issue: XMLIssue) { collector.record(issue, .reader) }

    /// Records a problem of ours with an attribute unless the schema already reported that line.
    func recordUnlessSchemaSaidSo(_ issue: XMLIssue) {
        if !collector.hasSchemaIssue(onLine: issue.line) { collector.record(issue, .reader) }
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
}

/// The streaming core shared by every format: bytes through the `InputGuard`, libxml2's
/// `xmlTextReader` with XSD validation while streaming, errors from every channel into one
/// `IssueCollector`, limits on depth and counts, root detection, then nodes to a format's handler.
///
/// Synchronous from start to end, with no `await`: the thread-local error handler and libxml2's
/// pointers stay on one thread.
enum XMLStreamReader {
    /// Parser options: no network, no error printing, small texts stored in their node. Never
    /// NOENT, DTDLOAD, DTDVALID, XINCLUDE or HUGE. Not NOCDATA either: with the streaming schema
    /// plugged in, libxml2 2.9.14 then drops CDATA text from the reader's nodes (the builder
    /// takes CDATA nodes as text instead).
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)

    /// Reads `source` through `handler`.
    /// - Throws: `XMLReadFailure` with the document's issues, or whatever the handler throws.
    static func read<Handler: XMLNodeHandler>(
        _ source: XMLSource, limits: XMLLimits, readSize: Int, handler: inout Handler
    ) throws {
        let schemas = LibXML2Runtime.schemas
        let input = try ByteInput(source)
        let collector = IssueCollector(maxIssues: limits.maxIssues)
        let inputGuard = InputGuard(input: input, limits: limits, readSize: readSize)
        collector.guardian = inputGuard
        let collectorContext = Unmanaged.passUnretained(collector).toOpaque()
        let guardContext = Unmanaged.passUnretained(inputGuard).toOpaque()

        let saved = sf_installErrorHandlers(collectStructuredError, collectorContext)
        defer { sf_restoreErrorHandlers(saved) }

        guard let validation = xmlSchemaNewValidCtxt(schemas.schema) else {
            throw XMLReadFailure(issues: [XMLIssue(line: 0, column: 0, message: Message(.xmlSchemaViolation, "out of memory"))])
        }
        defer { xmlSchemaFreeValidCtxt(validation) }
        xmlSchemaSetValidStructuredErrors(validation, collectStructuredError, collectorContext)

        guard let reader = xmlReaderForIO(readFromGuard, closeNothing, guardContext, nil, nil, options) else {
            throw XMLReadFailure(issues: [inputGuard.failure
                ?? XMLIssue(line: 0, column: 0, message: Message(.xmlNotWellFormed, "the reader could not start"))])
        }
        defer { xmlFreeTextReader(reader) }
        xmlTextReaderSetStructuredErrorHandler(reader, collectStructuredError, collectorContext)
        guard xmlTextReaderSchemaValidateCtxt(reader, validation, 0) == 0 else {
            throw XMLReadFailure(issues: [inputGuard.failure
                ?? XMLIssue(line: 0, column: 0, message: Message(.xmlSchemaViolation, "validation could not start"))])
        }

        let names = Handler.vocabulary.map { word in
            guard let name = xmlTextReaderConstString(reader, word) else { preconditionFailure("out of memory") }
            return name
        }
        let session = ReadSession(collector: collector, inputGuard: inputGuard, names: names)
        let completed = try walk(reader, limits: limits, session: session, handler: &handler)
        if completed, collector.isEmpty, inputGuard.failure == nil {
            try handler.finish(in: session)
        }

        // The guard's violation, unless libxml2 already stopped on an error before it.
        if let failure = inputGuard.failure {
            let earlier = collector.finalIssues().contains { $0.position < failure.position && $0.message.id == .xmlNotWellFormed }
            if failure.line == 0 || !earlier { collector.record(failure, .guardian) }
        }
        if collector.isEmpty, !completed {
            let position = XMLPosition(line: Int(xmlTextReaderGetParserLineNumber(reader)),
                                       column: Int(xmlTextReaderGetParserColumnNumber(reader)))
            collector.record(XMLIssue(at: position, Message(.xmlNotWellFormed, "the document could not be read to its end")), .parser)
        }
        if collector.isEmpty, completed, xmlTextReaderIsValid(reader) != 1 {
            let position = XMLPosition(line: Int(xmlTextReaderGetParserLineNumber(reader)), column: 0)
            collector.record(XMLIssue(at: position, Message(.xmlSchemaViolation, "the document does not follow the schema")), .schema)
        }
        if !collector.isEmpty { throw XMLReadFailure(issues: collector.finalIssues()) }
    }

    /// Walks the nodes. - Returns: true if the document was read to its end with no reason to stop.
    private static func walk<Handler: XMLNodeHandler>(
        _ reader: xmlTextReaderPtr, limits: XMLLimits, session: ReadSession, handler: inout Handler
    ) throws -> Bool {
        let collector = session.collector
        var depth = 0
        var rootSeen = false
        var lastPosition = XMLPosition(line: 1, column: 1)
        while !collector.mustStop {
            let status = xmlTextReaderRead(reader)
            guard status == 1 else { return status == 0 && !collector.mustStop }
            switch xmlTextReaderNodeType(reader) {
            case 1:  // element
                guard let node = xmlTextReaderCurrentNode(reader) else { continue }
                let position = session.inputGuard.nextStartTag()
                    ?? XMLPosition(line: Int(xmlGetLineNo(node)), column: 0)
                lastPosition = position
                depth += 1
                if depth > limits.maxDepth {
                    collector.record(XMLIssue(at: position, Message(.xmlTooDeep, String(limits.maxDepth))), .reader, fatal: true)
                    return false
                }
                guard checkCounts(node, at: position, limits: limits, collector: collector) else { return false }
                if !rootSeen {
                    rootSeen = true
                    guard isRoot(node, of: Handler.format) else {
                        collector.dropSchemaIssues()
                        collector.record(XMLIssue(at: position, Message(.xmlUnknownDocument, qualifiedName(node))),
                                         .reader, fatal: true)
                        return false
                    }
                }
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                try handler.startElement(
                    ElementStart(node: node, position: position, depth: depth, word: session.word(node.pointee.name)),
                    in: session)
                if isEmpty {
                    try handler.endElement(in: session)
                    depth -= 1
                }
            case 15:  // end of element
                try handler.endElement(in: session)
                depth -= 1
            case 3, 4, 13, 14:  // text, CDATA, white space
                guard let value = xmlTextReaderConstValue(reader) else { continue }
                let count = strlen(value.cString)
                if count > limits.maxTextBytes {
                    collector.record(XMLIssue(at: lastPosition, Message(.xmlTextTooLong, String(limits.maxTextBytes))),
                                     .reader, fatal: true)
                    return false
                }
                try handler.text(value, count: count, in: session)
            default:
                break  // comments, processing instructions
            }
        }
        return false
    }

    /// Attributes and namespace declarations of one element, counted again on the parsed node
    /// (the guard already refused bigger tags; this holds whatever the bytes looked like).
    private static func checkCounts(
        _ node: xmlNodePtr, at position: XMLPosition, limits: XMLLimits, collector: IssueCollector
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
            collector.record(XMLIssue(at: position, Message(.xmlTooManyAttributes, String(limits.maxAttributes))),
                             .reader, fatal: true)
            return false
        }
        if namespaces > limits.maxNamespaceDeclarations {
            collector.record(XMLIssue(at: position, Message(.xmlTooManyNamespaces, String(limits.maxNamespaceDeclarations))),
                             .reader, fatal: true)
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

/// libxml2's I/O read callback: the guard hands over only bytes it has checked.
private func readFromGuard(_ context: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32) -> Int32 {
    guard let context, let buffer, length > 0 else { return length == 0 ? 0 : -1 }
    let inputGuard = Unmanaged<InputGuard>.fromOpaque(context).takeUnretainedValue()
    return buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { inputGuard.fill($0, count: Int(length)) }
}

/// The source is closed by its owner (`ByteInput`), not by libxml2.
private func closeNothing(_ context: UnsafeMutableRawPointer?) -> Int32 { 0 }
