/// A name typed on a phone to find a person: every word typed must begin a word of the name once
/// both are folded (`NameFolding.key`), so "jose rond" finds José Rondón.
///
/// Matched against the stored names' UTF-8 bytes as SQLite hands them over, folded through a
/// table of byte strings into one reused buffer: searching 100,000 names then makes no `String`
/// per name. A name with a scalar beyond the table (U+0250 and up) is matched as a `String`.
public struct NameSearch: Sendable {
    /// The folded words typed, as UTF-8.
    let words: [[UInt8]]

    /// Nil for a query of blanks.
    public init?(_ query: String) {
        words = NameFolding.key(query).split(separator: " ").map { Array($0.utf8) }
        if words.isEmpty { return nil }
    }

    /// Whether `name` matches, folded the slow way.
    public func matches(_ name: String) -> Bool {
        let folded = Array(NameFolding.key(name).utf8)
        return matches(folded: folded[...])
    }

    /// Whether the UTF-8 `name` matches, or nil when it holds a scalar the table does not cover
    /// (or is not valid UTF-8): then ask `matches(_:)` with the name as a `String`.
    /// - Parameter buffer: scratch space, reused from one name to the next.
    public func matches(utf8 name: UnsafeRawBufferPointer, buffer: inout [UInt8]) -> Bool? {
        NameFolding.foldLatin(utf8: name, into: &buffer) ? matches(folded: buffer[...]) : nil
    }

    /// Every word typed begins a word of `folded` (words separated by one space).
    private func matches(folded: ArraySlice<UInt8>) -> Bool {
        words.allSatisfy { word in
            var start = folded.startIndex
            while start < folded.endIndex {
                let end = folded[start...].firstIndex(of: 0x20) ?? folded.endIndex
                if folded[start..<end].starts(with: word) { return true }
                start = end + 1
            }
            return false
        }
    }
}
