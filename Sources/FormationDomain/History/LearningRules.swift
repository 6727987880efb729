/// What a participation counts as, defined once. Histories, reports, lineage, facilitator lists
/// and the conflict rules (through `Experience`) all ask here; the storage module's SQL says the
/// same words (`LearningSQL`, held equal to these by a test).
///
/// - *attended*: a participant marked attended, in a session not cancelled;
/// - *taught*: a facilitator not marked absent, in a session not cancelled;
/// - *held*: a session not cancelled that has ended (by "now", which the caller gives);
/// - *knows* a workshop, as of an instant: attended or taught it in a session that ended by then,
///   or is qualified in it (prior learning, `person qualify`: at any instant) (`Experience.knew`);
/// - *planned*: a participant registered (not yet marked attended or absent), in a session not
///   cancelled: meets a prerequisite of a later session of the same battle for planning only.
public enum LearningRules {
    /// Whether a participation with `role` and `status` is attending (the session aside).
    public static func attended(role: Role, status: AttendanceStatus) -> Bool {
        role == .participant && status == .attended
    }

    /// Whether a participation with `role` and `status` is teaching (the session aside).
    public static func taught(role: Role, status: AttendanceStatus) -> Bool {
        role == .facilitator && status != .absent
    }

    /// Whether a participation with `role` and `status` is a planned attendance (the session aside).
    public static func planned(role: Role, status: AttendanceStatus) -> Bool {
        role == .participant && status == .registered
    }

    /// Whether `session` was held by `now` (seconds since 1970): not cancelled, and over.
    public static func held(_ session: Session, now: Int64) -> Bool {
        !session.cancelled && session.end <= now
    }
}
