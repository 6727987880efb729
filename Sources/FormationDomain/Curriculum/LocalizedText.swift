/// One human text in several languages (`xml:lang` in packs). Kept sorted by language code
/// so that equal texts compare, hash and export identically.
public struct LocalizedText: Hashable, Sendable, Codable {
    public struct Variant: Hashable, Sendable, Codable {
        public let language: String
        public let text: String
        public init(language: String, text: String) {
            self.language = language
            self.text = text
        }
    }

    public private(set) var variants: [Variant]

    public init(_ variants: [Variant] = []) {
        self.variants = variants.sorted { $0.language < $1.language }
    }

    public init(_ pairs: KeyValuePairs<String, String>) {
        self.init(pairs.map { Variant(language: $0.key, text: $0.value) })
    }

    public var isEmpty: Bool { variants.isEmpty }
    public var languages: [String] { variants.map(\.language) }

    public subscript(language: String) -> String? {
        variants.first { $0.language == language }?.text
    }

    /// Adds or replaces the text in `language`, keeping the order canonical.
    public mutating func set(_ text: String, for language: String) {
        if let i = variants.firstIndex(where: { $0.language == language }) {
            variants[i] = Variant(language: language, text: text)
        } else {
            variants.append(Variant(language: language, text: text))
            variants.sort { $0.language < $1.language }
        }
    }

    /// The text in `language`, else in the other shipped language, else any; `fellBack` says a
    /// substitute was used, so the reader can be told.
    public func resolve(_ language: Language) -> (text: String, fellBack: Bool)? {
        if let text = self[language.rawValue] { return (text, false) }
        if let text = self[language.other.rawValue] { return (text, true) }
        return variants.first.map { ($0.text, true) }
    }
}
