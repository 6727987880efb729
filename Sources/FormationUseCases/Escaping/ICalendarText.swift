/// RFC 5545 text: TEXT values escaped (§3.3.11), parameter values quoted (§3.2), content lines
/// folded at 75 octets (§3.1). Per Unicode scalar, never per `Character`: a grapheme cluster of
/// one letter and 60 combining marks is 122 octets, more than a line may hold.
public enum ICalendarText {
    /// Backslash, semicolon, comma and line feed escaped; carriage returns and other control
    /// characters (which TEXT cannot carry) left out; tab kept.
    public static func escape(_ text: String) -> String {
        text.replacingScalars { scalar in
            switch scalar {
            case "\\": "\\\\"
            case ";": "\\;"
            case ",": "\\,"
            case "\n": "\\n"
            case "\t": nil
            default: scalar.isControlCharacter ? "" : nil
            }
        }
    }

    /// A quoted parameter value (`CN="…"`): it cannot hold `"` (made `'`) nor control characters
    /// (left out).
    public static func quoteParameter(_ text: String) -> String {
        "\"" + text.replacingScalars { $0 == "\"" ? "'" : $0.isControlCharacter ? "" : nil } + "\""
    }

    /// Folds a content line so that no line is longer than 75 octets, breaking only between
    /// Unicode scalars (never inside a UTF-8 sequence); a continuation line starts with a space,
    /// which counts in its 75.
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = "", count = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out
    }
}
