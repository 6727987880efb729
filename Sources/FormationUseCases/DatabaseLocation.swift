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
}
