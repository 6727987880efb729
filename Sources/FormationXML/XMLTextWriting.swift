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

    /// - Parameter field: names the text in an error; built only when there is one.
    func text(_ value: String, field: @autoclosure () -> String = "text") throws {
        try Self.refuseUnwritable(value, field: field())
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
    ///
    /// Checked on the UTF-8 bytes, not the scalars (a twentieth of `curriculum export` went to
    /// decoding scalars here): a control character is one byte below 0x20, and U+FFFE / U+FFFF
    /// are `EF BF BE` / `EF BF BF`.
    static func refuseUnwritable(_ text: String, field: @autoclosure () -> String) throws {
        func forbidden(_ utf8: some RandomAccessCollection<UInt8>) -> Bool {
            var index = utf8.startIndex
            while index != utf8.endIndex {
                let byte = utf8[index]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
                if byte == 0xEF, utf8.distance(from: index, to: utf8.endIndex) >= 3,
                   utf8[utf8.index(index, offsetBy: 1)] == 0xBF, utf8[utf8.index(index, offsetBy: 2)] & 0xFE == 0xBE {
                    return true
                }
                index = utf8.index(after: index)
            }
            return false
        }
        let refused = text.utf8.withContiguousStorageIfAvailable(forbidden) ?? forbidden(Array(text.utf8))
        if refused { throw XMLWriteError(Message(.invalidValue, field(), text)) }
    }
}
