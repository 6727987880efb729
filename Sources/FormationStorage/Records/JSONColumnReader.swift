/// Why a stored JSON column could not be read, and where: the byte offset into the column's text.
struct JSONColumnError: Error, Equatable, CustomStringConvertible {
    let reason: String
    let offset: Int

    var description: String { "\(reason) at byte \(offset)" }
}

/// A cursor over the UTF-8 bytes of one JSON text, for the JSON columns we store (`workshop.content`,
/// `curriculum.header`), read without `Codable`.
///
/// Why by hand: `JSONDecoder` was 40% of the instructions of `curriculum export` and 47% of `history`
/// (BENCHMARKS.md); it builds a tree of every value before decoding one. This reads each
/// value where it stands. It accepts any valid JSON (keys in any order, white space, every escape
/// including `\/` and surrogate pairs, numbers such as `5.0`), skips members it does not know, as
/// `JSONDecoder` does, and refuses everything else with a `JSONColumnError` — never a crash: truncated
/// text, a lone surrogate, a raw control character in a string, nesting deeper than `maximumDepth`.
///
/// It lives only inside `read(_:_:)`: the bytes it points to belong to the string being read.
struct JSONColumnReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The text `bytes` belong to: a string without escapes is copied out of it as a substring,
    /// which skips the UTF-8 validation that `String(decoding:)` repeats (most of the reading time).
    private let source: String
    private(set) var position = 0
    private var depth = 0

    /// Deeper nesting is refused (our columns nest four deep): damaged text must not exhaust the stack.
    static let maximumDepth = 64

    private init(_ bytes: UnsafeBufferPointer<UInt8>, source: String) {
        self.bytes = bytes
        self.source = source
    }

    /// Reads `text` with `body`, which must read exactly one value; only white space may follow it.
    static func read<T>(_ text: String, _ body: (inout JSONColumnReader) throws -> T) throws -> T {
        var contiguous = text
        return try contiguous.withUTF8 { bytes in
            var reader = JSONColumnReader(bytes, source: text)
            let value = try body(&reader)
            reader.skipSpace()
            if reader.position < bytes.count { throw reader.failure("text after the end of the value") }
            return value
        }
    }

    // MARK: Values

    /// Reads an object, handing each member's key to `member`, which must read (or skip) its value.
    mutating func object(_ member: (inout JSONColumnReader, String) throws -> Void) throws {
        try open(UInt8(ascii: "{"), "an object")
        defer { depth -= 1 }
        skipSpace()
        if peek() == UInt8(ascii: "}") { position += 1; return }
        while true {
            skipSpace()
            guard peek() == UInt8(ascii: "\"") else { throw failure("expected a key") }
            let key = try string()
            skipSpace()
            guard peek() == UInt8(ascii: ":") else { throw failure("expected ':'") }
            position += 1
            try member(&self, key)
            skipSpace()
            switch take() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "}"): return
            default: throw failure("expected ',' or '}'", at: position - 1)
            }
        }
    }

    /// Reads an array, each element with `element`.
    mutating func array<Element>(_ element: (inout JSONColumnReader) throws -> Element) throws -> [Element] {
        try open(UInt8(ascii: "["), "an array")
        defer { depth -= 1 }
        var elements: [Element] = []
        skipSpace()
        if peek() == UInt8(ascii: "]") { position += 1; return elements }
        while true {
            elements.append(try element(&self))
            skipSpace()
            switch take() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "]"): return elements
            default: throw failure("expected ',' or ']'", at: position - 1)
            }
        }
    }

    mutating func string() throws -> String {
        skipSpace()
        guard peek() == UInt8(ascii: "\"") else { throw failure("expected a string") }
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                defer { position += 1 }
                let utf8 = source.utf8
                // Both ends are next to a '"', so on scalar boundaries of text that is valid already.
                return String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start) ..< utf8.index(utf8.startIndex, offsetBy: position)]))
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw failure("control character in a string") }
            position += 1
        }
        throw failure("unterminated string")
    }

    /// A whole number; `5`, `-0`, `5.0` and `5e0` are whole, `5.5` is not.
    mutating func integer() throws -> Int {
        skipSpace()
        let start = position
        let isPlainInteger = try number()
        let digits = UnsafeBufferPointer(rebasing: bytes[start..<position])
        if isPlainInteger, let value = Int(String(decoding: digits, as: UTF8.self)) { return value }
        guard let value = Double(String(decoding: digits, as: UTF8.self)), let whole = Int(exactly: value) else {
            throw failure("not a whole number that fits", at: start)
        }
        return whole
    }

    /// Consumes `null` and says whether it was there.
    mutating func null() -> Bool {
        skipSpace()
        guard literal("null") else { return false }
        return true
    }

    /// Reads and drops one value of any kind (a member this version does not know).
    mutating func skipValue() throws {
        skipSpace()
        switch peek() {
        case UInt8(ascii: "{"): try object { reader, _ in try reader.skipValue() }
        case UInt8(ascii: "["): _ = try array { reader in try reader.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): guard literal("true") else { throw failure("expected a value") }
        case UInt8(ascii: "f"): guard literal("false") else { throw failure("expected a value") }
        case UInt8(ascii: "n"): guard literal("null") else { throw failure("expected a value") }
        default: _ = try number()
        }
    }

    /// The error for a member that an object must have; thrown after the object was read.
    func missing(_ key: String) -> JSONColumnError {
        failure("no '\(key)'", at: position - 1)
    }

    // MARK: Scanning

    private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func take() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// The error for `reason` at `offset`, else where the reader stands.
    func failure(_ reason: String, at offset: Int? = nil) -> JSONColumnError {
        if position >= bytes.count && offset == nil { return JSONColumnError(reason: "\(reason): the text ends", offset: bytes.count) }
        return JSONColumnError(reason: reason, offset: offset ?? position)
    }

    private mutating func open(_ bracket: UInt8, _ kind: String) throws {
        skipSpace()
        guard peek() == bracket else { throw failure("expected \(kind)") }
        guard depth < Self.maximumDepth else { throw failure("nested more than \(Self.maximumDepth) deep") }
        depth += 1
        position += 1
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return false }
        position += count
        return true
    }

    /// Scans `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`; true when it had no fraction or exponent.
    private mutating func number() throws -> Bool {
        let start = position
        func digits() -> Int {
            let first = position
            while let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { position += 1 }
            return position - first
        }
        if peek() == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0 else { throw failure("expected a value", at: start) }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") { throw failure("leading zero in a number", at: start) }
        var plain = true
        if peek() == UInt8(ascii: ".") {
            position += 1
            plain = false
            guard digits() > 0 else { throw failure("expected a digit after '.'") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            plain = false
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw failure("expected a digit in the exponent") }
        }
        return plain
    }

    /// The rest of a string that holds escapes, from its first byte `start`.
    private mutating func escapedString(from start: Int) throws -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(position - start + 32)
        utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while let byte = take() {
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                let escapeStart = position - 1
                switch take() {
                case UInt8(ascii: "\""): utf8.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): utf8.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): utf8.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8.append(contentsOf: try unicodeEscape(startingAt: escapeStart).utf8)
                case nil: throw failure("unterminated string")
                default: throw failure("unknown escape", at: escapeStart)
                }
            case 0..<0x20:
                throw failure("control character in a string", at: position - 1)
            default:
                utf8.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    /// `\uXXXX` after its `\u`, or a surrogate pair `\uD83D\uDE00`; a lone surrogate is refused,
    /// as `JSONDecoder` refuses it (a Swift string cannot hold one).
    private mutating func unicodeEscape(startingAt escapeStart: Int) throws -> String {
        let first = try hex4(escapeStart)
        var value = UInt32(first)
        if (0xD800...0xDBFF).contains(first) {
            guard literal("\\u") else { throw failure("lone surrogate", at: escapeStart) }
            let second = try hex4(escapeStart)
            guard (0xDC00...0xDFFF).contains(second) else { throw failure("lone surrogate", at: escapeStart) }
            value = 0x10000 + (UInt32(first - 0xD800) << 10) + UInt32(second - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(value) else { throw failure("lone surrogate", at: escapeStart) }
        return String(Character(scalar))
    }

    private mutating func hex4(_ escapeStart: Int) throws -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            let digit: UInt16
            switch take() {
            case let byte? where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"): digit = UInt16(byte - UInt8(ascii: "0"))
            case let byte? where byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"): digit = UInt16(byte - UInt8(ascii: "a") + 10)
            case let byte? where byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"): digit = UInt16(byte - UInt8(ascii: "A") + 10)
            default: throw failure("bad \\u escape", at: escapeStart)
            }
            value = value << 4 | digit
        }
        return value
    }
}
