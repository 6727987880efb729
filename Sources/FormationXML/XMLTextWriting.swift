internal import CLibXML2
public import FormationDomain

/// A thin owner of libxml2's `xmlTextWriter` over an `OutputSink`, for the export formats that
/// are written element by element (schedule.xml, battle records): start, attribute, text, end.
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
    func attribute(_ name: String, _ value: String) throws { try check(xmlTextWriterWriteAttribute(writer, name, Self.clean(value))) }
    func text(_ value: String) throws { try check(xmlTextWriterWriteString(writer, Self.clean(value))) }

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

    /// Drops characters XML 1.0 cannot carry (control characters other than tab and line breaks,
    /// U+FFFE, U+FFFF): names typed by people must never make an export unreadable.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: forbidden) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !forbidden($0) })
        return String(scalars)
    }

    private static func forbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
    }
}
