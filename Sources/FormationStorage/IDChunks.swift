import FormationDomain
internal import GRDB

/// `ids` as lists of at most 500, each bound as one `IN (…)` list: histories, reports and lineages
/// look up thousands of sessions or people, and SQLite caps the parameters of a statement.
func idChunks(_ ids: some Collection<EntityID>) -> [[String]] {
    let all = ids.map(\.rawValue)
    return stride(from: 0, to: all.count, by: 500).map { Array(all[$0..<min($0 + 500, all.count)]) }
}

extension ScheduleTransaction {
    /// Every row of `sql(n)` run once per list of at most 500 of `ids` (`idChunks`), each bound with
    /// `arguments` (by default the list alone), handed to `body` as it is read.
    ///
    /// `body` reads what it needs from the row at once: the cursor reuses it for the next one.
    func forEachRow(inChunksOf ids: some Collection<EntityID>, _ sql: (Int) -> String,
                    arguments: ([String]) -> StatementArguments = { StatementArguments($0) },
                    _ body: (Row) throws -> Void) throws {
        for chunk in idChunks(ids) {
            let rows = try Row.fetchCursor(db, sql: sql(chunk.count), arguments: arguments(chunk))
            while let row = try rows.next() { try body(row) }
        }
    }
}
