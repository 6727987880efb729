import FormationUseCases
import FormationViews

/// A JSON document built as a value and written without recursion, for documents nested deeper
/// than `JSONEncoder` allows (it stops at 512 levels: a lineage of 128 generations). Written as
/// `JSONOutput` writes (pretty, sorted keys, slashes unescaped), so both read alike.
indirect enum JSONTree {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONTree])
    case object([String: JSONTree])

    static func optional(_ text: String?) -> JSONTree { text.map(JSONTree.string) ?? .null }

    /// The document, without a final newline.
    func rendered() -> String {
        /// An open container: its items, how many are written, and its closing bracket.
        struct Frame {
            let items: [(key: String?, value: JSONTree)]
            var next = 0
            let closing: String
        }
        var out = ""
        var stack: [Frame] = []
        // After a value: a comma if its container has more to come, then a line break.
        func endValue() {
            guard let container = stack.last else { return }
            out += container.next < container.items.count ? ",\n" : "\n"
        }
        func begin(_ key: String?, _ value: JSONTree) {
            out += String(repeating: "  ", count: stack.count)
            if let key { out += Self.quoted(key) + " : " }
            switch value {
            case .string(let text): out += Self.quoted(text)
            case .int(let number): out += String(number)
            case .bool(let flag): out += flag ? "true" : "false"
            case .null: out += "null"
            case .array(let items):
                out += items.isEmpty ? "[\n\n" : "[\n"
                stack.append(Frame(items: items.map { (nil, $0) }, closing: "]"))
                return
            case .object(let members):
                out += members.isEmpty ? "{\n\n" : "{\n"
                stack.append(Frame(items: members.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, closing: "}"))
                return
            }
            endValue()
        }
        begin(nil, self)
        while var frame = stack.popLast() {
            if frame.next < frame.items.count {
                let item = frame.items[frame.next]
                frame.next += 1
                stack.append(frame)
                begin(item.key, item.value)
            } else {
                out += String(repeating: "  ", count: stack.count) + frame.closing
                endValue()
            }
        }
        return out
    }

    /// A JSON string: quote, backslash and control characters escaped, per Unicode scalar.
    static func quoted(_ text: String) -> String {
        let escaped = text.replacingScalars { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            case "\u{8}": return "\\b"
            case "\u{C}": return "\\f"
            case "\u{0}" ..< " ":
                let hex = String(scalar.value, radix: 16)
                return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: return nil
            }
        }
        return "\"" + escaped + "\""
    }
}
