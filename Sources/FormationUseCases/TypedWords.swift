public import FormationDomain

/// The values people type for the command line's fixed choices, in Spanish or English, with or
/// without accents, in any case (`--ownership estatal`, `--status asistió`, `--sector público`,
/// `--role facilitador`): lists show them in the reader's language, so they are taken back too.
public enum TypedWords {
    public static func ownership(_ text: String) -> Ownership? {
        switch folded(text) {
        case "state", "state owned", "estatal", "estado", "del estado", "publica", "publico": .state
        case "worker controlled", "workers", "control obrero", "bajo control obrero", "obrera", "obrero", "de los trabajadores": .workerControlled
        case "private", "privada", "privado": .private
        default: nil
        }
    }

    public static func sector(_ text: String) -> Sector? {
        switch folded(text) {
        case "public", "publico", "publica": .public
        case "private", "privado", "privada": .private
        default: nil
        }
    }

    public static func role(_ text: String) -> Role? { AttendanceWords.role(text) }

    public static func status(_ text: String) -> AttendanceStatus? { AttendanceWords.status(text) }

    /// Case, accents and the `-` of `worker-controlled` folded away.
    private static func folded(_ text: String) -> String {
        text.headingFolded.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
    }
}
