/// Looks up and fills in catalogue texts. The texts live in one file per language.
public enum Catalogue {
    public static func template(_ id: MessageID, _ language: Language) -> String? {
        switch language {
        case .en: english[id]
        case .es: spanish[id]
        }
    }

    /// Fills `{0}`, `{1}`… with `arguments`. A missing text falls back to the other language,
    /// then to the id itself, so a gap is visible but never fatal (a test keeps there being none).
    public static func render(_ id: MessageID, _ arguments: [String], _ language: Language) -> String {
        fill(template(id, language) ?? template(id, language.other) ?? id.rawValue, arguments)
    }

    /// `template` with `{0}`, `{1}`… replaced by `arguments`; a placeholder without an argument stays.
    public static func fill(_ template: String, _ arguments: [String]) -> String {
        guard !arguments.isEmpty else { return template }
        var result = ""
        result.reserveCapacity(template.utf8.count + 16)
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            if character == "{",
               let close = template[index...].firstIndex(of: "}"),
               let n = Int(template[template.index(after: index)..<close]),
               n < arguments.count {
                result += arguments[n]
                index = template.index(after: close)
            } else {
                result.append(character)
                index = template.index(after: index)
            }
        }
        return result
    }

    public static func placeholders(in template: String) -> Set<Int> {
        var found = Set<Int>()
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if let n = Int(rest[rest.index(after: open)..<close]) { found.insert(n) }
            rest = rest[rest.index(after: close)...]
        }
        return found
    }
}
