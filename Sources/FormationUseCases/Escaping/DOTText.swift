/// Graphviz DOT: a string as a double-quoted ID (node names, labels).
///
/// Per Unicode scalar: `"` and `\` are escaped with a backslash, a line feed becomes `\n` (a line
/// break in a label); everything else is copied. A `"` with a combining mark after it is still
/// escaped, so nothing can end the quoted string early and add attributes (`URL=…`).
public enum DOTText {
    public static func quoted(_ text: String) -> String {
        let escaped = text.replacingScalars { scalar in
            switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\n": "\\n"
            default: nil
            }
        }
        return "\"" + escaped + "\""
    }
}
