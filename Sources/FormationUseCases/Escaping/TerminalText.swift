/// Human text for a terminal (names, titles, file contents echoed in errors): C0 and C1 control
/// characters and DEL are shown as `\u{1B}`, so a name or a CSV cell cannot clear the screen, move
/// the cursor or print over a message (ESC, CSI U+009B, a carriage return from `&#13;`). Line feed
/// and tab stay, where the layout puts them. Per Unicode scalar.
public enum TerminalText {
    public static func neutralised(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isNeutralised) else { return text }
        return text.replacingScalars { isNeutralised($0) ? "\\u{" + String($0.value, radix: 16, uppercase: true) + "}" : nil }
    }

    static func isNeutralised(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && scalar != "\t" && scalar.isControlCharacter
    }
}

extension Unicode.Scalar {
    /// C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F).
    var isControlCharacter: Bool {
        value < 0x20 || (0x7F ... 0x9F).contains(value)
    }
}
