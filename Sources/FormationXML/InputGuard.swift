#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FormationDomain

/// Reads a document's bytes and checks them before libxml2 sees any of them: the parsers get,
/// through `SharedInput` and their I/O callbacks, only chunks this guard has scanned and cleared.
///
/// Refused here, with a clear issue: any `<!DOCTYPE` (billion laughs, parameter-entity and external
/// entity attacks all happen while libxml2 parses the DTD, so it must never start), NUL bytes, a
/// byte-order mark or declared encoding other than UTF-8 (and UTF-16/32 or EBCDIC without one),
/// anything but white space before the first tag (a gzip file, say), files over the size cap,
/// tags over the tag cap, elements with too many attributes or namespace declarations (libxml2
/// compares attributes pairwise, quadratically), and over-long text runs, comments and processing
/// instructions.
///
/// A small state machine over the raw bytes: `memchr` skips text and quoted values, so it costs a
/// few percent of libxml2's time. It knows quotes, comments, CDATA sections and processing
/// instructions, so a `<!DOCTYPE` or a `>` inside them is data, not markup.
///
/// It also records where each start tag begins (line, and column in characters), in document
/// order: the reader claims one per element, which gives exact positions past line 65,535 (where
/// libxml2's node lines stop) and columns (which libxml2's reader does not keep).
///
/// On a violation, the bytes before the offending construct still reach the parsers (so that their
/// own errors there come first), then reading fails and the guard's issue ends the read.
final class InputGuard {
    private let input: ByteInput
    private let limits: XMLLimits
    /// Largest single `read(2)`: 64 KiB; tests shrink it to exercise every split of a construct.
    private let readSize: Int

    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    /// Absolute file offset of `buffer[0]`.
    private var bufferOffset = 0
    /// Buffer indices: next byte to hand out, end of the bytes cleared, end of the bytes read.
    private var handed = 0
    private var cleared = 0
    private var filled = 0
    private var atEnd = false
    private var started = false
    private var finished = false

    /// The violation found, if any; bytes from `failureOffset` (absolute) on never reach libxml2.
    private(set) var failure: XMLIssue?
    private var failureOffset = Int.max

    // Position of `buffer[positionIndex]`: its line, and the characters before it on that line.
    private var line = 1
    private var charactersBefore = 0
    private var positionIndex = 0

    // Start tags found since the last chunk was handed out, in document order.
    private var startTags: [XMLPosition] = []

    // The scanner.
    private enum State {
        case content, markup, bang, tagName, tagSpace, attributeName, afterAttributeName, beforeValue, value
        case comment, cdata, processingInstruction, declaration
    }
    private var state = State.content
    /// Where the construct being scanned began (absolute offset of its `<`, and position).
    private var markStart = 0
    private var markPosition = XMLPosition(line: 1, column: 1)
    private var isEndTag = false
    private var bangLength = 0
    private var bangCandidates: UInt8 = 0
    private var quote: UInt8 = 0
    private var attributes = 0
    private var namespaceDeclarations = 0
    /// Progress matching `xmlns` at the start of an attribute name: 0...5 letters, 6 = `xmlns:`, -1 = no.
    private var xmlnsMatch = 0
    /// Consecutive `-`, `]` or `?` just seen, to find `-->`, `]]>` and `?>`.
    private var closerRun = 0
    /// Bytes of text since the last tag, CDATA sections included (they merge into one text node).
    private var textRun = 0
    private var textRunAtMark = 0
    private var sawMarkup = false

    init(input: ByteInput, limits: XMLLimits, readSize: Int = 64 << 10) {
        self.input = input
        self.limits = limits
        self.readSize = max(1, readSize)
        capacity = 64 << 10
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    // MARK: - Producing chunks

    /// What `produce()` gives: checked bytes, the clean end, or the end at a violation.
    enum Output {
        case chunk(GuardedChunk)
        case end
        case failed(XMLIssue)
    }

    /// Reads and checks the next bytes. Only one thread at a time may call it.
    func produce() -> Output {
        if !started {
            started = true
            prepare()
        }
        while handed == cleared {
            if let failure { return .failed(failure) }
            if atEnd {
                finish()
                if let failure { return .failed(failure) }
                return .end
            }
            readMore()
        }
        let chunk = GuardedChunk(copying: UnsafeBufferPointer(start: buffer + handed, count: cleared - handed),
                                 startTags: startTags)
        startTags.removeAll(keepingCapacity: true)
        handed = cleared
        return .chunk(chunk)
    }

    // MARK: - Reading

    /// Reads once more and scans what came in.
    private func readMore() {
        if handed == filled, filled > 0 {
            // Everything read has been handed over: start again at the top of the buffer.
            bufferOffset += filled
            positionIndex -= filled
            handed = 0
            cleared = 0
            filled = 0
        }
        let start = filled
        guard readRaw() else { return }
        scan(from: start)
    }

    /// One `read` into the free part of the buffer; false at the end or on an error.
    private func readRaw() -> Bool {
        let want = min(capacity - filled, readSize)
        precondition(want > 0, "input buffer full")
        let n = input.read(into: buffer + filled, count: want)
        if n < 0 {
            fail(at: filled, XMLIssue(line: 0, column: 0, message: Message(
                .fileUnreadable, input.displayName, ByteInput.describe(Int32(-n)))))
            atEnd = true
            return false
        }
        if n == 0 {
            atEnd = true
            return false
        }
        filled += n
        return true
    }

    /// The first bytes: byte-order mark, other encodings' signatures, and the XML declaration's
    /// `encoding`, read ahead whole before any byte is cleared.
    private func prepare() {
        while filled < 4, !atEnd, failure == nil { _ = readRaw() }
        guard failure == nil else { return }
        let b = (0..<4).map { $0 < filled ? buffer[$0] : 0x20 }
        var bom = 0
        var refused: String?
        switch (b[0], b[1], b[2], b[3]) {
        case (0xEF, 0xBB, 0xBF, _): bom = 3
        case (0x00, 0x00, 0xFE, 0xFF), (0xFF, 0xFE, 0x00, 0x00), (0x00, 0x00, 0x00, 0x3C), (0x3C, 0x00, 0x00, 0x00):
            refused = "UTF-32"
        case (0xFE, 0xFF, _, _), (0xFF, 0xFE, _, _), (0x00, 0x3C, 0x00, 0x3F), (0x3C, 0x00, 0x3F, 0x00):
            refused = "UTF-16"
        case (0x4C, 0x6F, 0xA7, 0x94):
            refused = "EBCDIC"
        default: break
        }
        positionIndex = bom
        if let refused {
            fail(at: 0, XMLIssue(line: 1, column: 1, message: Message(.xmlEncodingRefused, refused)))
            return
        }
        checkDeclaration(after: bom)
        guard failure == nil else { return }
        scan(from: bom)
    }

    /// Refuses a declared encoding other than UTF-8 (any case). libxml2 would switch decoders on it.
    private func checkDeclaration(after bom: Int) {
        let opening: [UInt8] = Array("<?xml".utf8)
        while filled - bom < 6, !atEnd, failure == nil { _ = readRaw() }
        guard filled - bom >= 6 else { return }
        for (i, byte) in opening.enumerated() where buffer[bom + i] != byte { return }
        guard InputGuard.isSpace(buffer[bom + 5]) else { return }
        // Read ahead to the declaration's `?>`.
        let lookahead = min(capacity, bom + limits.maxTagBytes)
        var end: Int?
        var from = bom + 6
        while end == nil {
            var i = from
            while i + 1 < filled {
                if buffer[i] == UInt8(ascii: "?"), buffer[i + 1] == UInt8(ascii: ">") {
                    end = i
                    break
                }
                i += 1
            }
            if end != nil || atEnd || failure != nil { break }
            if filled >= lookahead {
                fail(at: 0, XMLIssue(line: 1, column: 1, message: Message(.xmlTagTooLong, String(limits.maxTagBytes))))
                return
            }
            from = max(bom + 6, filled - 1)
            _ = readRaw()
        }
        guard let end else { return }  // unterminated: libxml2 reports it
        // Find `encoding = "…"` inside the declaration.
        let keyword: [UInt8] = Array("encoding".utf8)
        var i = bom + 6
        while i + keyword.count <= end {
            var matches = true
            for (k, byte) in keyword.enumerated() where buffer[i + k] != byte {
                matches = false
                break
            }
            if matches { break }
            i += 1
        }
        guard i + keyword.count <= end else { return }
        let keywordIndex = i
        i += keyword.count
        while i < end, InputGuard.isSpace(buffer[i]) { i += 1 }
        guard i < end, buffer[i] == UInt8(ascii: "=") else { return }
        i += 1
        while i < end, InputGuard.isSpace(buffer[i]) { i += 1 }
        guard i < end, buffer[i] == UInt8(ascii: "\"") || buffer[i] == UInt8(ascii: "'") else { return }
        let quote = buffer[i]
        let valueStart = i + 1
        var valueEnd = valueStart
        while valueEnd < end, buffer[valueEnd] != quote { valueEnd += 1 }
        let value = UnsafeBufferPointer(start: buffer + valueStart, count: valueEnd - valueStart)
        let lowered = value.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if lowered == Array("utf-8".utf8) { return }
        let shown = String(decoding: value.prefix(40).map { $0 >= 0x20 && $0 < 0x7F ? $0 : UInt8(ascii: "?") },
                           as: UTF8.self)
        advancePosition(to: keywordIndex)
        fail(at: 0, XMLIssue(at: currentPosition, Message(.xmlEncodingRefused, shown)))
    }

    /// At the end of the input: an input with no markup at all is empty (or not XML).
    private func finish() {
        guard !finished else { return }
        finished = true
        if !sawMarkup, failure == nil {
            fail(at: bufferOffset + filled, XMLIssue(line: 1, column: 1, message: Message(.xmlEmptyInput)))
        }
    }

    private func fail(at offset: Int, _ issue: XMLIssue) {
        guard failure == nil else { return }
        failure = issue
        failureOffset = offset
    }

    // MARK: - Positions

    private var currentPosition: XMLPosition { XMLPosition(line: line, column: charactersBefore + 1) }

    /// Moves the tracked position forward to `index` (a buffer index), counting lines and characters.
    @inline(__always)
    private func advancePosition(to index: Int) {
        var i = positionIndex
        guard index > i else { return }
        while let found = memchr(buffer + i, 0x0A, index - i) {
            line += 1
            charactersBefore = 0
            i = UnsafeMutableRawPointer(found).assumingMemoryBound(to: UInt8.self) - buffer + 1
        }
        var characters = 0
        for byte in UnsafeBufferPointer(start: buffer + i, count: index - i) where byte & 0xC0 != 0x80 {
            characters += 1
        }
        charactersBefore += characters
        positionIndex = index
    }

    // MARK: - Scanning

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// Scans `buffer[start..<filled]`, then clears for libxml2 what comes before any violation.
    private func scan(from start: Int) {
        var end = filled
        var cut: XMLIssue?
        var cutIndex = filled
        // The size cap and NUL bytes cut the chunk short; the scan stops at any earlier violation.
        if bufferOffset + end > limits.maxFileBytes {
            end = max(start, limits.maxFileBytes - bufferOffset)
            cutIndex = end
            cut = XMLIssue(line: 0, column: 0, message: Message(.xmlFileTooLarge, String(limits.maxFileBytes)))
        }
        if let nul = memchr(buffer + start, 0, end - start) {
            end = UnsafeMutableRawPointer(nul).assumingMemoryBound(to: UInt8.self) - buffer
            cutIndex = end
            cut = XMLIssue(line: 0, column: 0, message: Message(.xmlNulByte))
        }
        run(from: start, to: end)
        if failure == nil, let cut {
            advancePosition(to: cutIndex)
            fail(at: bufferOffset + cutIndex, XMLIssue(at: currentPosition, cut.message))
        }
        if failure == nil {
            advancePosition(to: filled)
            cleared = filled
        } else {
            cleared = max(handed, min(filled, failureOffset - bufferOffset))
        }
    }

    /// The state machine proper, over `buffer[start..<end]`.
    private func run(from start: Int, to end: Int) {
        var i = start
        while i < end, failure == nil {
            switch state {
            case .content:
                let rest = end - i
                let found = memchr(buffer + i, Int32(UInt8(ascii: "<")), rest)
                let stop = found.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: UInt8.self) - buffer } ?? end
                if !sawMarkup {
                    // Nothing but white space may come before the first tag (a BOM was skipped).
                    for j in i..<stop where !InputGuard.isSpace(buffer[j]) {
                        advancePosition(to: j)
                        fail(at: bufferOffset + j, XMLIssue(at: currentPosition, Message(
                            .xmlNotWellFormed, arguments: [.message(Message(.xmlNotXMLText))])))
                        return
                    }
                }
                if textRun + (stop - i) > limits.maxTextBytes {
                    let over = i + (limits.maxTextBytes - textRun)
                    advancePosition(to: over)
                    fail(at: bufferOffset + over, XMLIssue(at: currentPosition, Message(
                        .xmlTextTooLong, String(limits.maxTextBytes))))
                    return
                }
                textRun += stop - i
                i = stop
                if found != nil {
                    sawMarkup = true
                    advancePosition(to: i)
                    markStart = bufferOffset + i
                    markPosition = currentPosition
                    textRunAtMark = textRun
                    textRun = 0
                    state = .markup
                    i += 1
                }

            case .markup:
                let byte = buffer[i]
                switch byte {
                case UInt8(ascii: "/"):
                    isEndTag = true
                    state = .tagName
                    i += 1
                case UInt8(ascii: "?"):
                    closerRun = 0
                    state = .processingInstruction
                    i += 1
                case UInt8(ascii: "!"):
                    bangLength = 0
                    bangCandidates = 0b111
                    state = .bang
                    i += 1
                default:
                    // A start tag; the byte is the first of its name.
                    isEndTag = false
                    attributes = 0
                    namespaceDeclarations = 0
                    startTags.append(markPosition)
                    state = .tagName
                }

            case .bang:
                i = scanBang(i, end)

            case .tagName, .tagSpace, .attributeName, .afterAttributeName, .beforeValue, .value, .declaration:
                i = scanTag(i, end)

            case .comment, .cdata, .processingInstruction:
                i = scanUntilCloser(i, end)
            }
        }
    }

    private static let bangWords: [[UInt8]] = [Array("--".utf8), Array("[CDATA[".utf8), Array("DOCTYPE".utf8)]

    /// After `<!`: a comment, a CDATA section, a refused DOCTYPE, or some other declaration.
    private func scanBang(_ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end {
            let byte = buffer[i]
            i += 1
            for (k, word) in InputGuard.bangWords.enumerated() where bangCandidates & (1 << k) != 0 {
                if bangLength < word.count, word[bangLength] == byte { continue }
                bangCandidates &= ~(1 << k)
            }
            bangLength += 1
            for (k, word) in InputGuard.bangWords.enumerated()
            where bangCandidates & (1 << k) != 0 && bangLength == word.count {
                switch k {
                case 0:
                    closerRun = 0
                    state = .comment
                case 1:
                    closerRun = 0
                    textRun = textRunAtMark
                    state = .cdata
                default:
                    fail(at: markStart, XMLIssue(at: markPosition, Message(.xmlDoctypeRefused)))
                }
                return i
            }
            if bangCandidates == 0 {
                // `<!ELEMENT`, `<!ENTITY`… outside a DTD: not XML; libxml2 reports it. Skip like a tag.
                isEndTag = true
                state = .declaration
                return i - 1
            }
        }
        return i
    }

    /// Inside a start or end tag: names, `=`, quoted values, up to `>`; counts attributes and
    /// namespace declarations of start tags and caps the tag's length. Works on local copies of
    /// the state (class properties in a hot loop would pay for exclusivity checks).
    private func scanTag(_ start: Int, _ end: Int) -> Int {
        var i = start
        var state = self.state
        var match = xmlnsMatch
        defer {
            self.state = state
            xmlnsMatch = match
        }
        // Index of the first byte past the tag cap.
        let capIndex = markStart + limits.maxTagBytes - bufferOffset
        let stop = min(end, capIndex)
        let buffer = self.buffer
        while i < stop {
            let byte = buffer[i]
            switch state {
            case .value:
                if let found = memchr(buffer + i, Int32(quote), stop - i) {
                    i = UnsafeMutableRawPointer(found).assumingMemoryBound(to: UInt8.self) - buffer + 1
                    state = .tagSpace
                } else {
                    i = stop
                }
                continue
            case .tagName, .declaration:
                if !InputGuard.isTagDelimiter(byte) {
                    // The rest of the name, fast.
                    i += 1
                    while i < stop, !InputGuard.isTagDelimiter(buffer[i]) { i += 1 }
                    continue
                }
                if byte == UInt8(ascii: ">") {
                    state = .content
                    textRun = 0
                    return i + 1
                }
                if state == .declaration, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                    state = .value
                } else if InputGuard.isSpace(byte) || byte == UInt8(ascii: "/") {
                    state = .tagSpace
                }
            case .tagSpace:
                if byte == UInt8(ascii: ">") {
                    state = .content
                    textRun = 0
                    return i + 1
                }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                    state = .value
                } else if byte == UInt8(ascii: "=") {
                    if !countAttribute(match) { return i }
                    state = .beforeValue
                } else if !InputGuard.isSpace(byte), byte != UInt8(ascii: "/") {
                    match = byte == UInt8(ascii: "x") ? 1 : -1
                    state = .attributeName
                }
            case .attributeName:
                if byte == UInt8(ascii: "=") {
                    if !countAttribute(match) { return i }
                    state = .beforeValue
                } else if InputGuard.isSpace(byte) {
                    state = .afterAttributeName
                } else if byte == UInt8(ascii: ">") {
                    state = .content
                    textRun = 0
                    return i + 1
                } else if byte == UInt8(ascii: "/") {
                    state = .tagSpace
                } else if match == -1 || match == 6 {
                    // Settled: skip the rest of the name.
                    i += 1
                    while i < stop, !InputGuard.isTagDelimiter(buffer[i]) { i += 1 }
                    continue
                } else {
                    match = InputGuard.matchXMLNS(match, byte)
                }
            case .afterAttributeName:
                if byte == UInt8(ascii: "=") {
                    if !countAttribute(match) { return i }
                    state = .beforeValue
                } else if byte == UInt8(ascii: ">") {
                    state = .content
                    textRun = 0
                    return i + 1
                } else if !InputGuard.isSpace(byte) {
                    match = byte == UInt8(ascii: "x") ? 1 : -1
                    state = .attributeName
                }
            case .beforeValue:
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                    state = .value
                } else if byte == UInt8(ascii: ">") {
                    state = .content
                    textRun = 0
                    return i + 1
                } else if !InputGuard.isSpace(byte) {
                    state = .tagSpace
                    continue
                }
            default:
                preconditionFailure("scanTag in state \(state)")
            }
            i += 1
        }
        if i >= capIndex {
            fail(at: markStart, XMLIssue(at: markPosition, Message(.xmlTagTooLong, String(limits.maxTagBytes))))
        }
        return i
    }

    /// Bytes that end a name inside a tag: white space, `>`, `/`, `=` and quotes. Name bytes are
    /// mostly letters (above `>`), so one comparison usually decides.
    @inline(__always)
    private static func isTagDelimiter(_ byte: UInt8) -> Bool {
        byte <= 0x3E && (byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x3E
            || byte == 0x2F || byte == 0x3D || byte == 0x22 || byte == 0x27)
    }

    /// `xmlns` then `=` is a default namespace declaration, `xmlns:` a prefixed one.
    @inline(__always)
    private static func matchXMLNS(_ progress: Int, _ byte: UInt8) -> Int {
        switch progress {
        case 1: byte == UInt8(ascii: "m") ? 2 : -1
        case 2: byte == UInt8(ascii: "l") ? 3 : -1
        case 3: byte == UInt8(ascii: "n") ? 4 : -1
        case 4: byte == UInt8(ascii: "s") ? 5 : -1
        case 5: byte == UInt8(ascii: ":") ? 6 : -1
        case 6: 6
        default: -1
        }
    }

    /// Counts the attribute whose `=` was just met; false once over a cap (the guard has failed).
    private func countAttribute(_ xmlnsMatch: Int) -> Bool {
        guard !isEndTag else { return true }
        if xmlnsMatch == 5 || xmlnsMatch == 6 {
            namespaceDeclarations += 1
            if namespaceDeclarations > limits.maxNamespaceDeclarations {
                fail(at: markStart, XMLIssue(at: markPosition, Message(
                    .xmlTooManyNamespaces, String(limits.maxNamespaceDeclarations))))
                return false
            }
        } else {
            attributes += 1
            if attributes > limits.maxAttributes {
                fail(at: markStart, XMLIssue(at: markPosition, Message(
                    .xmlTooManyAttributes, String(limits.maxAttributes))))
                return false
            }
        }
        return true
    }

    /// Inside a comment (`-->`), a CDATA section (`]]>`) or a processing instruction (`?>`).
    private func scanUntilCloser(_ start: Int, _ end: Int) -> Int {
        let closer: UInt8
        let needed: Int
        switch state {
        case .comment: (closer, needed) = (UInt8(ascii: "-"), 2)
        case .cdata: (closer, needed) = (UInt8(ascii: "]"), 2)
        default: (closer, needed) = (UInt8(ascii: "?"), 1)
        }
        // A CDATA section is text: it counts towards the text run it sits in.
        let budget = limits.maxTextBytes - (state == .cdata ? textRunAtMark : 0)
        let capIndex = markStart + budget - bufferOffset
        let stop = min(end, max(start, capIndex))
        var i = start
        while i < stop {
            let byte = buffer[i]
            i += 1
            if byte == closer {
                closerRun += 1
            } else if byte == UInt8(ascii: ">"), closerRun >= needed {
                if state == .cdata {
                    textRun = textRunAtMark + (bufferOffset + i - markStart)
                    state = .content
                } else {
                    state = .content
                    textRun = 0
                }
                return i
            } else {
                closerRun = 0
            }
        }
        if i >= capIndex {
            fail(at: markStart, XMLIssue(at: markPosition, Message(.xmlTextTooLong, String(limits.maxTextBytes))))
        }
        return i
    }
}

/// Bytes the guard has checked, with the positions of the start tags that begin in them.
/// Immutable once made, so both parsers may read it from their own threads.
///
/// `@unchecked Sendable`: the bytes are written once in `init` and only read afterwards.
final class GuardedChunk: @unchecked Sendable {
    let bytes: UnsafeMutableBufferPointer<UInt8>
    let startTags: [XMLPosition]

    init(copying source: UnsafeBufferPointer<UInt8>, startTags: [XMLPosition]) {
        bytes = .allocate(capacity: source.count)
        _ = bytes.initialize(from: source)
        self.startTags = startTags
    }

    deinit { bytes.deallocate() }
}
