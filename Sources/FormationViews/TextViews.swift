public import FormationDomain

/// How every view says things: catalogue messages and curriculum texts in the reader's language.
public enum TextViews {
    /// The catalogue text `id` with `arguments`, in `language`: how every view says a message.
    public static func t(_ id: MessageID, _ language: Language, _ arguments: [String]) -> String {
        Message(id, arguments: arguments.map(Message.Argument.text)).text(language)
    }

    public static func t(_ id: MessageID, _ language: Language, _ arguments: String...) -> String { t(id, language, arguments) }

    public static func category(_ category: WorkshopCategory, _ language: Language) -> String {
        category.name.text(language)
    }

    /// Curriculum text in the reader's language; a substitute from another language is marked
    /// with `[no es text]` / `[sin texto en en]` so that nobody mistakes it for a translation.
    public static func text(_ text: LocalizedText, _ language: Language) -> String {
        guard let resolved = text.resolve(language) else { return "" }
        return resolved.fellBack ? t(.headingLanguageMissing, language, language.rawValue) + " " + resolved.text : resolved.text
    }
}

extension String {
    /// `NAME` → `Name`: table headings reused as field labels.
    public var capitalizedFirst: String {
        guard let first = first else { return self }
        return first.uppercased() + dropFirst().lowercased()
    }
}
