/// Escaping for HTML text and quoted attribute values (sign-in sheets, learning records, battle
/// reports): every text that came from a person or a file goes through here.
///
/// Works on Unicode scalars, never on `Character`s: a grapheme cluster can hold `<` with a
/// Prepend character (U+0D4E) or a combining mark glued to it, and would not compare equal to "<".
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        text.replacingScalars { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: nil
            }
        }
    }
}
