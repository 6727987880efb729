public import FormationDomain

/// The lists and details `plant`, `person` and `battle` show.
extension Programme {
    /// Plants, by name.
    public func plants() throws -> [Plant] { try store.plants() }

    /// People, by name.
    public func people() throws -> [PersonEntry] { try store.people() }

    /// Everyone, a batch at a time from a cursor: a national list without holding it whole.
    public func forEachPeopleBatch(_ body: ([PersonEntry]) throws -> Void) throws { try store.forEachPeopleBatch(body) }

    /// One person, named by name or id prefix.
    ///
    /// - Throws: `LookupError` when the name matches nobody or several people.
    public func person(_ query: String) throws -> PersonEntry {
        let id = try store.resolve(.person, query)
        guard let entry = try store.person(id) else { throw LookupError.notFound(kind: .person, query: query) }
        return entry
    }

    /// Battles, newest first.
    public func battles() throws -> [BattleEntry] { try store.battles() }
}
