internal import CLibXML2
import FormationDomain

/// A thin owner of libxml2's `xmlTextWriter` over an `OutputSink`, for every format we write
/// element by element (curriculum packs, battle records, schedule.xml): start, attribute, text, end.
///
/// A `final class` because it owns the C writer (freed in `deinit`); one thread, one document.
final class XMLTextWriting {
    let sink: OutputSink
    private let writer: xmlTextWriterPtr

    init(to destination: XMLDestination, indent: Bool = true) throws {
        LibXML2Runtime.prepare()
        sink = OutputSink(destination)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        guard let output = xmlOutputBufferCreateIO(writeToSink, closeSink, context, nil) else {
            throw XMLWriteError(Message(.outputUnwritable, "(writer)", "out of memory"))
        }
        guard let writer = xmlNewTextWriter(output) else {
            xmlOutputBufferClose(output)
            throw XMLWriteError(Message(.outputUnwritable, "(writer)", "out of memory"))
        }
        self.writer = writer
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            xmlTextWriterSetIndentString(writer, "  ")
        }
    }

    deinit { xmlFreeTextWriter(writer) }

    func startDocument() throws { try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)) }
    func start(_ name: String) throws { try check(xmlTextWriterStartElement(writer, name)) }
    func end() throws { try check(xmlTextWriterEndElement(writer)) }
    func attribute(_ name: String, _ value: String) throws {
        try Self.refuseUnwritable(value, field: name)
        try check(xmlTextWriterWriteAttribute(writer, name, value))
    }

    func text(_ value: String, field: String? = nil) throws {
        try Self.refuseUnwritable(value, field: field ?? "text")
        try check(xmlTextWriterWriteString(writer, value))
    }

    /// `<name>value</name>`.
    func element(_ name: String, _ value: String) throws {
        try start(name)
        try text(value)
        try end()
    }

    /// Closes every open element, ends with a line break and flushes to the destination.
    func finish() throws {
        try check(xmlTextWriterEndDocument(writer))
        try check(xmlTextWriterFlush(writer))
    }

    private func check(_ status: Int32) throws {
        if let failure = sink.failure() { throw failure }
        if status < 0 { throw XMLWriteError(Message(.outputUnwritable, "(writer)", "libxml2 could not write")) }
    }

    /// Refuses characters XML 1.0 cannot carry (control characters other than tab and line
    /// breaks, U+FFFE, U+FFFF): a file we write must always read back. The domain refuses them in
    /// names, so meeting one here means a damaged database, which is said, not hidden.
    static func refuseUnwritable(_ text: String, field: String) throws {
        let forbidden = text.unicodeScalars.contains { scalar in
            let value = scalar.value
            return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
        }
        if forbidden { throw XMLWriteError(Message(.invalidValue, field, text)) }
    }
}
