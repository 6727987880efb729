public import FormationDomain
public import FormationStorage

/// Where the embedded database lives (DESIGN.md §4): `--database`, else `FORMATION_DATABASE`,
/// else `$XDG_DATA_HOME/selfformation/formation.sqlite`, else `~/.local/share/selfformation/formation.sqlite`.
public enum DatabaseLocation {
    public static func resolve(flag: String?, environment: [String: String]) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let path = environment["FORMATION_DATABASE"], !path.isEmpty { return path }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/selfformation/formation.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/.local/share/selfformation/formation.sqlite"
    }

    /// Whether the path was named (`--database`, `FORMATION_DATABASE`) rather than the default: a
    /// named path's folder is never created (a misspelt folder is an error, not a new folder).
    public static func isNamed(flag: String?, environment: [String: String]) -> Bool {
        if let flag, !flag.isEmpty { return true }
        if let path = environment["FORMATION_DATABASE"], !path.isEmpty { return true }
        return false
    }

    /// Opens the database a command names, creating no file by itself.
    ///
    /// - Parameters:
    ///   - writes: the command may write. Only then is a missing database created, and the default
    ///     location's folder with it; a named path's folder must exist.
    ///   - change: what the change log records with each of its writes.
    ///   - readers: connections that read side by side (the board); 0 for one connection.
    /// - Throws: `StorageError.missing` (a command that only reads, no database: exit 66),
    ///   `StorageError.folderMissing` (exit 74), and every other `StorageError` of opening.
    public static func open(flag: String?, environment: [String: String], writes: Bool, change: ChangeDescription,
                            busyTimeout: Double, verifySchema: Bool = true, readers: Int = 0) throws -> FormationStore {
        let creating: FormationStore.Creation = !writes ? .nothing
            : isNamed(flag: flag, environment: environment) ? .file : .fileAndFolder
        var store = try FormationStore(path: resolve(flag: flag, environment: environment), busyTimeout: busyTimeout,
                                       verifySchema: verifySchema, creating: creating, readers: readers)
        store.change = change
        return store
    }

    /// The database, or an empty one in memory when there is none: `validate` checks files against
    /// what is stored, and creates nothing.
    public static func openOrEmpty(flag: String?, environment: [String: String], busyTimeout: Double) throws -> FormationStore {
        do {
            return try open(flag: flag, environment: environment, writes: false, change: .unnamed, busyTimeout: busyTimeout)
        } catch StorageError.missing {
            return try FormationStore.inMemory()
        }
    }
}
