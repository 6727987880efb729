public import FormationDomain
internal import GRDB

/// Facilitator PINs of battles, stored as password-hash strings. Writes here are not
/// captured by the change log: the hash of a secret has no place in `formation log` or an undo.
extension FormationStore {
    /// Sets (or replaces) the PIN hash of `battle`.
    public func setPinHash(_ hash: String, battle: EntityID) throws {
        try write { db in
            try db.execute(sql: "INSERT INTO battlePin (battleId, hash) VALUES (?, ?) ON CONFLICT(battleId) DO UPDATE SET hash = excluded.hash",
                           arguments: [battle.rawValue, hash])
        }
    }

    /// The PIN hash of `battle`, nil when none was set.
    public func pinHash(battle: EntityID) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT hash FROM battlePin WHERE battleId = ?", arguments: [battle.rawValue]) }
    }
}
