public import FormationStorage

/// Finding a person as they type their name on a phone: every word typed must begin a word of the
/// name once case and accents are folded ("jose rond" finds José Rondón), so a name without its
/// accents is never a miss.
extension Programme {
    /// Up to `limit` people, by name; nothing for a query of blanks.
    public func search(_ query: String, limit: Int = 50) throws -> [PersonEntry] {
        guard let search = NameSearch(query) else { return [] }
        return try store.people(matching: search, limit: limit)
    }
}
