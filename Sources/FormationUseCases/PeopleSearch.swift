public import FormationStorage

/// Finding a person as they type their name on a phone: every word typed must begin a word of the
/// name once case and accents are folded ("jose rond" finds José Rondón), so a name without its
/// accents is never a miss.
extension Programme {
    /// Up to `limit` people, by name; nothing for a query of blanks.
    public func search(_ query: String, limit: Int = 50) throws -> [PersonEntry] {
        let wanted = NameFolding.key(query).split(separator: " ").map(String.init)
        guard !wanted.isEmpty else { return [] }
        var found: [PersonEntry] = []
        try store.forEachPeopleBatch { batch in
            for entry in batch where found.count < limit {
                let words = NameFolding.key(entry.person.name).split(separator: " ")
                if wanted.allSatisfy({ typed in words.contains { $0.hasPrefix(typed) } }) { found.append(entry) }
            }
        }
        return found
    }
}
