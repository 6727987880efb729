public import FormationDomain
public import Hummingbird

/// The language of a page: `?lang=` when the reader just pressed the switch, else the `lang` cookie
/// that the switch left, else the first of `Accept-Language` that we speak, else Spanish (the
/// programme's own language).
public enum PageLanguage {
    public static func of(_ request: Request) -> Language {
        if let chosen = chosen(request) { return chosen }
        if let kept = request.cookies["lang"].flatMap({ Language(rawValue: $0.value) }) { return kept }
        return accepted(request.headers[.acceptLanguage] ?? "") ?? .es
    }

    /// The language the switch asked for in this very request, if any.
    static func chosen(_ request: Request) -> Language? {
        request.uri.queryParameters["lang"].flatMap { Language(rawValue: String($0)) }
    }

    /// The preferred language of an `Accept-Language` value (`es-VE,es;q=0.9,en;q=0.8`) that we
    /// have, by quality then by order; nil when it names none of ours. A malformed part is skipped.
    public static func accepted(_ header: String) -> Language? {
        var best: (language: Language, quality: Double, index: Int)?
        for (index, part) in header.split(separator: ",").enumerated() {
            let pieces = part.split(separator: ";")
            guard let tag = pieces.first?.trimmingSpaces, let language = Language(code: tag), tag.prefix(2).count == 2 else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() {
                let pair = parameter.trimmingSpaces.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0] == "q" { quality = Double(pair[1]) ?? 0 }
            }
            guard quality > 0 else { continue }
            if best == nil || quality > best!.quality { best = (language, quality, index) }
        }
        return best?.language
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
