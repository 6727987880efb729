import FormationDomain

/// Writes XML element by element for every format we write (curriculum packs, battle records,
/// schedule.xml): start, attribute, text, end, into a buffer flushed to an `OutputSink`.
///
/// The bytes are exactly those libxml2's `xmlTextWriter` wrote with two-space indentation (the
/// canonical form of packs and records is defined by them, and a test holds this writer to
/// libxml2's on random documents). Written by hand because libxml2's writer was half of the
/// instructions of `curriculum export` (BENCHMARKS.md): a state machine, a list node and an
/// escaping copy for every call. libxml2's rules, kept here: a start tag begins a new line indented
/// two spaces a level; text follows its start tag directly; an element that held only text ends on
/// the same line, one that held elements on a new indented line; an empty element is `<a/>`. Text
/// escapes `& < > "` and carriage return; attribute values also tab and line feed; everything else
/// is copied as UTF-8.
///
/// A `final class`: one thread, one document, one buffer.
final class XMLTextWriting {
    let sink: OutputSink
    private var buffer: [UInt8] = []
    /// Open elements, innermost last, and whether each has had a child element written.
    private var open: [(name: String, hasChildren: Bool)] = []
    /// The innermost start tag is not closed yet (`>` or `/>` still to come).
    private var tagOpen = false
    /// libxml2's `doindent`: false right after text, so that the end tag stays on the text's line.
    private var indentNext = true

    init(to destination: XMLDestination, indent: Bool = true) throws {
        precondition(indent, "only the indented form is written")
        sink = OutputSink(destination)
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    private static let flushSize = 64 << 10

    func startDocument() throws {
        Self.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", into: &buffer)
    }

    func start(_ name: String) throws {
        let closing = tagOpen
        tagOpen = true
        if !open.isEmpty { open[open.count - 1].hasChildren = true }
        open.append((name, false))
        let depth = open.count - 1
        // One exclusive access to the buffer per call: a class property is checked on every access
        // otherwise (a tenth of `curriculum export` went to those checks).
        Self.write(into: &buffer) { out in
            if closing {
                out.append(UInt8(ascii: ">"))
                out.append(UInt8(ascii: "\n"))
            }
            Self.indent(depth, into: &out)
            out.append(UInt8(ascii: "<"))
            Self.append(name, into: &out)
        }
        try flushIfFull()
    }

    func end() throws {
        guard let element = open.popLast() else {
            throw XMLWriteError(Message(.outputUnwritable, "(writer)", "an element was closed twice"))
        }
        let (selfClosing, indenting, depth) = (tagOpen, indentNext, open.count)
        tagOpen = false
        indentNext = true
        Self.write(into: &buffer) { out in
            if selfClosing {
                out.append(UInt8(ascii: "/"))
                out.append(UInt8(ascii: ">"))
            } else {
                if indenting { Self.indent(depth, into: &out) }
                out.append(UInt8(ascii: "<"))
                out.append(UInt8(ascii: "/"))
                Self.append(element.name, into: &out)
                out.append(UInt8(ascii: ">"))
            }
            out.append(UInt8(ascii: "\n"))
        }
        try flushIfFull()
    }

    func attribute(_ name: String, _ value: String) throws {
        guard tagOpen else { throw XMLWriteError(Message(.outputUnwritable, "(writer)", "an attribute outside a start tag")) }
        let written = Self.write(into: &buffer) { out in
            let mark = out.count
            out.append(UInt8(ascii: " "))
            Self.append(name, into: &out)
            out.append(UInt8(ascii: "="))
            out.append(UInt8(ascii: "\""))
            guard Self.escape(value, attribute: true, into: &out) else {
                out.removeSubrange(mark...)
                return false
            }
            out.append(UInt8(ascii: "\""))
            return true
        }
        if !written { throw XMLWriteError(Message(.invalidValue, name, value.echoed)) }
    }

    /// - Parameter field: names the text in an error; built only when there is one.
    func text(_ value: String, field: @autoclosure () -> String = "text") throws {
        let closing = tagOpen
        let written = Self.write(into: &buffer) { out in
            let mark = out.count
            if closing { out.append(UInt8(ascii: ">")) }
            guard Self.escape(value, attribute: false, into: &out) else {
                out.removeSubrange(mark...)
                return false
            }
            return true
        }
        if !written { throw XMLWriteError(Message(.invalidValue, field(), value.echoed)) }
        tagOpen = false
        indentNext = false
        try flushIfFull()
    }

    /// `<name>value</name>`.
    func element(_ name: String, _ value: String) throws {
        try start(name)
        try text(value)
        try end()
    }

    /// Closes every open element and flushes to the destination.
    func finish() throws {
        while !open.isEmpty { try end() }
        try flush()
    }

    private static func write<Result>(into buffer: inout [UInt8], _ body: (inout [UInt8]) -> Result) -> Result {
        body(&buffer)
    }

    private static func indent(_ depth: Int, into out: inout [UInt8]) {
        for _ in 0 ..< depth {
            out.append(UInt8(ascii: " "))
            out.append(UInt8(ascii: " "))
        }
    }

    private static func append(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    private static func append(_ text: StaticString, into out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Copies `value` with libxml2's escapes (see the type's comment), runs that need none whole.
    /// - Returns: false, having written part of it, for a character XML cannot carry (the rule of
    ///   `refuseUnwritable`, checked in the same pass).
    private static func escape(_ value: String, attribute: Bool, into out: inout [UInt8]) -> Bool {
        var value = value
        return value.withUTF8 { utf8 in
            var run = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte > UInt8(ascii: ">") && byte != 0xEF {
                    index += 1
                    continue
                }
                let replacement: StaticString?
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case 0x0D: replacement = "&#13;"
                case 0x0A: replacement = attribute ? "&#10;" : nil
                case 0x09: replacement = attribute ? "&#9;" : nil
                case 0x00 ..< 0x20: return false
                case 0xEF:
                    // U+FFFE and U+FFFF: EF BF BE / EF BF BF.
                    if index + 2 < utf8.count, utf8[index + 1] == 0xBF, utf8[index + 2] & 0xFE == 0xBE { return false }
                    replacement = nil
                default: replacement = nil
                }
                if let replacement {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run ..< index]))
                    append(replacement, into: &out)
                    run = index + 1
                }
                index += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run ..< index]))
            return true
        }
    }

    private func flushIfFull() throws {
        if buffer.count >= Self.flushSize { try flush() }
    }

    private func flush() throws {
        if !buffer.isEmpty {
            _ = buffer.withUnsafeBufferPointer { sink.write($0.baseAddress!, count: $0.count) }
            buffer.removeAll(keepingCapacity: true)
        }
        if let failure = sink.failure() { throw failure }
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
        if refused { throw XMLWriteError(Message(.invalidValue, field(), text.echoed)) }
    }
}
