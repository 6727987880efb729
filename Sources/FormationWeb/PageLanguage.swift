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
    ///
    /// Read as bytes: every request of every phone asks it, and splitting the header into
    /// `String`s per `Character` cost a tenth of the board's time serving kept pages.
    public static func accepted(_ header: String) -> Language? {
        var best: (language: Language, quality: Double)?
        var header = header
        return header.withUTF8 { bytes in
            for part in bytes.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                let pieces = part.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
                guard let tag = pieces.first.map(trimmed), let language = language(of: tag) else { continue }
                var quality = 1.0
                for parameter in pieces.dropFirst() {
                    let pair = trimmed(parameter).split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
                    if pair.count == 2, pair[0].elementsEqual([UInt8(ascii: "q")]) {
                        quality = Double(String(decoding: pair[1], as: UTF8.self)) ?? 0
                    }
                }
                guard quality > 0 else { continue }
                if best == nil || quality > best!.quality { best = (language, quality) }
            }
            return best?.language
        }
    }

    /// `es` or `en` from a tag's leading letters (`es-VE`, `EN`); nil for any other language, and
    /// for letters beyond ASCII, which no tag of ours has.
    private static func language(of tag: Slice<UnsafeBufferPointer<UInt8>>) -> Language? {
        let letters = tag.prefix { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
        guard letters.count == 2, tag.dropFirst(2).first.map({ $0 < 0x80 }) ?? true else { return nil }
        return Language(rawValue: String(decoding: letters.map { $0 | 0x20 }, as: UTF8.self))
    }

    private static func trimmed(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !blank($0) }), let last = bytes.lastIndex(where: { !blank($0) }) else {
            return bytes[bytes.startIndex..<bytes.startIndex]
        }
        return bytes[first...last]
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
