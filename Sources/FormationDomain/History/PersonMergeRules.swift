/// How two records of the same worker's part in one session become one, when two people merge.
public enum PersonMergeRules {
    /// The participation to keep when both the kept and the dropped person were in the same
    /// session: the stronger status (attended > registered > absent) and the stronger role
    /// (facilitator over participant), each taken on its own, so nothing either record knew is lost.
    public static func combined(_ kept: Participation, _ dropped: Participation) -> Participation {
        Participation(session: kept.session, person: kept.person,
                      role: kept.role == .facilitator || dropped.role == .facilitator ? .facilitator : .participant,
                      status: rank(kept.status) >= rank(dropped.status) ? kept.status : dropped.status)
    }

    static func rank(_ status: AttendanceStatus) -> Int {
        switch status {
        case .absent: 0
        case .registered: 1
        case .attended: 2
        }
    }
}
