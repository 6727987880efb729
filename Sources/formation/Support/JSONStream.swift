import FormationUseCases

/// A JSON document written as it is walked, 64 KB at a time, in `JSONOutput`'s layout (pretty,
/// two spaces, `" : "`, slashes unescaped). Nothing of the document is held but the open
/// containers: a national lineage is over 100 MB of text, which as a value tree and then a
/// `String` took 600 MB. No recursion here either, so the depth is the caller's (`JSONEncoder`
/// stops at 512 levels).
///
/// Keys are written in the order given: callers give them sorted, as `JSONOutput` sorts them.
struct JSONStream {
    private let output: Output
    private var buffer: [UInt8] = []
    /// For each open container, whether it has an item yet (a comma goes before the next).
    private var open: [Bool] = []

    init(_ output: Output) {
        self.output = output
        buffer.reserveCapacity(Self.flushAt + 4096)
    }

    private static let flushAt = 1 << 16

    // MARK: Values

    mutating func string(_ key: String? = nil, _ text: String) throws {
        try item(key)
        quote(text)
    }

    mutating func optional(_ key: String? = nil, _ text: String?) throws {
        guard let text else { return try raw(key, "null") }
        try string(key, text)
    }

    mutating func int(_ key: String? = nil, _ number: Int) throws { try raw(key, String(number)) }

    mutating func bool(_ key: String? = nil, _ flag: Bool) throws { try raw(key, flag ? "true" : "false") }

    mutating func beginObject(_ key: String? = nil) throws { try begin(key, "{") }
    mutating func endObject() throws { try end("}") }
    mutating func beginArray(_ key: String? = nil) throws { try begin(key, "[") }
    mutating func endArray() throws { try end("]") }

    /// Writes what is left; the caller commits the output.
    mutating func finish() throws {
        try output.write(buffer)
        buffer.removeAll(keepingCapacity: false)
    }

    // MARK: Layout

    private mutating func raw(_ key: String?, _ text: String) throws {
        try item(key)
        buffer.append(contentsOf: text.utf8)
    }

    private mutating func begin(_ key: String?, _ bracket: String) throws {
        try item(key)
        buffer.append(contentsOf: bracket.utf8)
        buffer.append(0x0A)
        open.append(false)
    }

    /// An empty container is written `[`, an empty line, `]`, as `JSONEncoder` writes it.
    private mutating func end(_ bracket: String) throws {
        open.removeLast()
        buffer.append(0x0A)
        indent()
        buffer.append(contentsOf: bracket.utf8)
    }

    /// Before an item: the comma that ends the previous one, the indentation, the key.
    private mutating func item(_ key: String?) throws {
        if buffer.count >= Self.flushAt {
            try output.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
        if let last = open.indices.last {
            if open[last] { buffer.append(contentsOf: ",\n".utf8) }
            open[last] = true
        }
        indent()
        if let key {
            quote(key)
            buffer.append(contentsOf: " : ".utf8)
        }
    }

    private mutating func indent() {
        buffer.append(contentsOf: repeatElement(0x20, count: 2 * open.count))
    }

    /// A JSON string: quote, backslash and control characters escaped. Byte by byte: every byte
    /// escaped is an ASCII scalar, and the bytes of other scalars are all 0x80 or more.
    private mutating func quote(_ text: String) {
        buffer.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            // Most strings (ids, dates, names) need no escape: copied whole, not byte by byte.
            guard bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
                buffer.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case 0x22: buffer.append(contentsOf: #"\""#.utf8)
                case 0x5C: buffer.append(contentsOf: #"\\"#.utf8)
                case 0x0A: buffer.append(contentsOf: #"\n"#.utf8)
                case 0x0D: buffer.append(contentsOf: #"\r"#.utf8)
                case 0x09: buffer.append(contentsOf: #"\t"#.utf8)
                case 0x08: buffer.append(contentsOf: #"\b"#.utf8)
                case 0x0C: buffer.append(contentsOf: #"\f"#.utf8)
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    buffer.append(contentsOf: #"\u00"#.utf8)
                    buffer.append(hex[Int(byte >> 4)])
                    buffer.append(hex[Int(byte & 0xF)])
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(0x22)
    }
}
