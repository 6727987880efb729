internal import Foundation

/// How names, places and states are compared when people type them: "maria perez",
/// "MARÍA PÉREZ" and a decomposed "María Pérez" are the same person. Canonical composition (NFC),
/// then case, accents (ñ too: "Pena" finds "Peña") and width are folded away, and runs of white
/// space become one space. Stored names keep their spelling; only comparisons fold.
public enum NameFolding {
    /// The folded key of `text`.
    ///
    /// Names written with Latin letters (every scalar below U+0250, as nearly all the programme's
    /// are) are folded scalar by scalar from a table that Foundation's own folding filled: the same
    /// key, without the ICU call per name that made searching 100,000 people take seconds. In that
    /// range no two scalars compose (combining marks start at U+0300) and folding is context-free,
    /// so the key of a name is the keys of its scalars, joined; anything else takes the full path.
    public static func key(_ text: String) -> String {
        var text = text, folded: [UInt8] = []
        let latin = text.withUTF8 { foldLatin(utf8: UnsafeRawBufferPointer($0), into: &folded) }
        return latin ? String(decoding: folded, as: UTF8.self) : foundationKey(text)
    }

    /// Folds the UTF-8 `text` into `folded` (emptied first) through the table, white-space runs
    /// made one space between words; false when a scalar lies beyond the table (or the bytes are
    /// not UTF-8), and the full path must answer. The one loop behind `key` and `NameSearch`, which
    /// calls it on the bytes SQLite hands over, with no `String` per name.
    static func foldLatin(utf8 text: UnsafeRawBufferPointer, into folded: inout [UInt8]) -> Bool {
        folded.removeAll(keepingCapacity: true)
        var pendingSpace = false
        var index = 0
        while index < text.count {
            let lead = text[index]
            let scalar: Int
            if lead < 0x80 {
                scalar = Int(lead)
                index += 1
            } else if lead & 0xE0 == 0xC0, index + 1 < text.count, text[index + 1] & 0xC0 == 0x80 {
                scalar = Int(lead & 0x1F) << 6 | Int(text[index + 1] & 0x3F)
                index += 2
            } else {
                return false
            }
            // An overlong two-byte form of an ASCII character is not UTF-8.
            guard scalar >= 0x80 || lead < 0x80, scalar < latinFolds.count else { return false }
            let fold = latinFolds[scalar]
            if fold.bytes.isEmpty {
                continue
            } else if fold.isBlank {
                pendingSpace = !folded.isEmpty
            } else {
                if pendingSpace { folded.append(0x20) }
                pendingSpace = false
                folded.append(contentsOf: fold.bytes)
            }
        }
        return true
    }

    /// The folding of every scalar below U+0250 (Basic Latin to Latin Extended-B), each alone, as
    /// UTF-8, and whether it is white space (such runs become one space between words, none at
    /// the ends).
    static let latinFolds: [(bytes: [UInt8], isBlank: Bool)] = (0..<0x250).map { value in
        guard let scalar = Unicode.Scalar(value) else { return ([], true) }
        let text = fold(String(Character(scalar)))
        return (Array(text.utf8), text.allSatisfy(\.isWhitespace))
    }

    /// The full path: canonical composition, then Foundation's folding of case, accents and width.
    static func foundationKey(_ text: String) -> String {
        fold(text.precomposedStringWithCanonicalMapping).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// What rules a name out of having a given key before it is folded: an ASCII character, other than
    /// white space, that the key does not hold (lower-cased). Folding keeps each such character,
    /// lower-cased (a combining mark after it is composed with it, then folded away), so the name's
    /// key holds it too. Folding costs ~60,000 instructions a name: an id prefix typed for one of
    /// 100,000 people was looked for among their names that way first (6 G instructions); a scan of
    /// the bytes rules nearly all of them out, and reading the names is what is left (~1,800 each).
    public struct KeyFilter: Sendable {
        /// Bit `b` set: ASCII byte `b` (lower-cased) is in the key.
        private var low: UInt64 = 0, high: UInt64 = 0

        public init(key: String) {
            for byte in key.utf8 where byte < 0x80 { Self.set(&low, &high, Self.lowercased(byte)) }
        }

        /// False when `name` cannot have the key; true when it may (fold it to know).
        public func admits(_ name: String) -> Bool {
            for byte in name.utf8 where byte < 0x80 {
                switch byte {
                case 0x09...0x0D, 0x20: continue   // white space: separates words, never in a key
                default:
                    let lower = Self.lowercased(byte)
                    if (lower < 64 ? low >> lower : high >> (lower - 64)) & 1 == 0 { return false }
                }
            }
            return true
        }

        private static func lowercased(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }

        private static func set(_ low: inout UInt64, _ high: inout UInt64, _ byte: UInt8) {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
    }

    /// `text` in canonical composition (NFC), trimmed: how a typed name is compared exactly and stored.
    public static func composed(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.trimmed
    }

    /// Up to `limit` of `names` that look like `query`: those whose folded key holds the query's, then
    /// those within a few typing mistakes (Levenshtein distance, at most a third of the query's length).
    public static func suggestions(for query: String, among names: some Sequence<String>, limit: Int = 3) -> [String] {
        let wanted = Array(key(query).unicodeScalars)
        guard !wanted.isEmpty else { return [] }
        let allowed = max(1, wanted.count / 3)
        var scored: [(score: Int, name: String)] = []
        var seen = Set<String>()
        for name in names where seen.insert(name).inserted {
            let candidate = key(name)
            if candidate.contains(String(String.UnicodeScalarView(wanted))) {
                scored.append((0, name))
            } else if let distance = distance(wanted, Array(candidate.unicodeScalars), atMost: allowed) {
                scored.append((distance, name))
            }
        }
        return scored.sorted { ($0.score, $0.name) < ($1.score, $1.name) }.prefix(limit).map(\.name)
    }

    /// The Levenshtein distance between `a` and `b`, or nil when it is over `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowBest = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowBest = min(rowBest, current[j])
            }
            if rowBest > limit { return nil }   // every later row is at least as far
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}

extension NameFolding {
    /// `text` in NFC, without regard to case, its runs of white space one space: how `person add`
    /// finds the same name registered twice at a plant (accents still count: José is not Jose).
    public static func caseKey(_ text: String) -> String {
        composed(text).lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
