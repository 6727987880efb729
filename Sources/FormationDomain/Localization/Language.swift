/// The language of what people read. JSON, XML and exit codes never depend on it (DESIGN.md §4).
public enum Language: String, Sendable, CaseIterable, Codable {
    case en, es

    /// `--lang`, else `FORMATION_LANG`, else the locale variables in POSIX order, else English.
    ///
    /// - Parameter environment: the process environment (passed in so the domain stays free of I/O).
    public static func resolve(flag: String?, environment: [String: String]) -> Language {
        if let flag, let language = Language(code: flag) { return language }
        if let value = environment["FORMATION_LANG"], let language = Language(code: value) { return language }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            // The first locale variable that is set decides, as in POSIX: LC_ALL=C means English.
            return Language(code: value) ?? .en
        }
        return .en
    }

    /// Accepts `es`, `es_VE.UTF-8`, `en-GB`, `EN`…; nil for anything else.
    public init?(code: String) {
        let lower = code.lowercased()
        let base = lower.prefix { $0.isLetter }
        guard let language = Language(rawValue: String(base)) else { return nil }
        self = language
    }

    /// The other language, used as the fallback when a text lacks this one.
    public var other: Language { self == .en ? .es : .en }
}
