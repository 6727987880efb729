public import FormationDomain

/// `LearningRules` in SQL, for the queries that count or filter participations in the database
/// (the conflict engine's experience, `battle check`'s batched read). Built from the same enum
/// values; `LearningSQLTests` evaluates each against `LearningRules` for every role and status.
public enum LearningSQL {
    /// A participation (table or alias `table`) that is attending, the session aside.
    public static func attended(_ table: String = "participation") -> String {
        "(\(table).role = '\(Role.participant.rawValue)' AND \(table).status = '\(AttendanceStatus.attended.rawValue)')"
    }

    /// A participation (table or alias `table`) that is teaching, the session aside.
    public static func taught(_ table: String = "participation") -> String {
        "(\(table).role = '\(Role.facilitator.rawValue)' AND \(table).status != '\(AttendanceStatus.absent.rawValue)')"
    }

    /// A participation (table or alias `table`) that is a planned attendance, the session aside.
    public static func planned(_ table: String = "participation") -> String {
        "(\(table).role = '\(Role.participant.rawValue)' AND \(table).status = '\(AttendanceStatus.registered.rawValue)')"
    }
}
