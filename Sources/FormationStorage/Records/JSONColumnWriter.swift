/// Writes the JSON of a stored column byte for byte as Foundation's `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` wrote it, without `Codable`.
///
/// Why by hand: `JSONEncoder` was a fifth of the instructions of `import` and `validate` (BENCHMARKS.md).
/// Why byte for byte: databases in the field hold what `JSONEncoder` wrote, and a workshop
/// whose texts did not change must store the same bytes again. What `JSONEncoder` does, and so what
/// this does: `"` and `\` escaped; `\b \t \n \f \r` by name; the other characters below U+0020 as
/// `\u00xx` in lowercase hex; everything else (`/`, DEL, U+2028, emoji) as raw UTF-8; integers in
/// decimal; no white space. Keys are written by the caller, in sorted order.
struct JSONColumnWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    /// The JSON text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Punctuation and key names, written as they are: the caller passes only text that needs no escaping.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `"name":`, preceded by a comma unless it is the first member of its object.
    mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// `[a,b,…]`, each element written by `element`.
    mutating func array<Element>(_ elements: [Element], _ element: (inout JSONColumnWriter, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            element(&self, value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A quoted string, escaped as `JSONEncoder` escapes it (see the type's comment).
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            appendEscaped(Array(text.utf8))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ utf8: some RandomAccessCollection<UInt8>) {
        // Runs of bytes that need no escape (nearly all of them) are copied whole.
        var runStart = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                index = utf8.index(after: index)
                continue
            }
            bytes.append(contentsOf: utf8[runStart..<index])
            appendEscape(byte)
            index = utf8.index(after: index)
            runStart = index
        }
        bytes.append(contentsOf: utf8[runStart..<index])
    }

    private mutating func appendEscape(_ byte: UInt8) {
        let named: UInt8? = switch byte {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case 0x08: UInt8(ascii: "b")
        case 0x09: UInt8(ascii: "t")
        case 0x0A: UInt8(ascii: "n")
        case 0x0C: UInt8(ascii: "f")
        case 0x0D: UInt8(ascii: "r")
        default: nil
        }
        if let named {
            bytes.append(contentsOf: [UInt8(ascii: "\\"), named])
        } else {
            let hex: StaticString = "0123456789abcdef"
            let digits = hex.utf8Start
            bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                      digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }
    }
}
