/// Escaping for HTML text and quoted attribute values (sign-in sheets, learning records, battle
/// reports): every text that came from a person or a file goes through here.
///
/// Works on Unicode scalars, never on `Character`s: a grapheme cluster can hold `<` with a
/// Prepend character (U+0D4E) or a combining mark glued to it, and would not compare equal to "<".
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
