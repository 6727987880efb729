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

    /// Pairs of sessions, one of each record, that overlap in time: merged, one person would be in
    /// two places at once (the hard conflict `ScheduleRules` finds as `personDoubleBooked`, which
    /// counts a person absent from the other session too). A session both were in becomes one, not
    /// a pair; cancelled sessions are left out by the caller; a pair where both were absent is no conflict.
    public static func doubleBookings(kept: [(session: Session, status: AttendanceStatus)],
                                      dropped: [(session: Session, status: AttendanceStatus)]) -> [(kept: Session, dropped: Session)] {
        let sorted = kept.sorted { ($0.session.start, $0.session.id) < ($1.session.start, $1.session.id) }
        var pairs: [(kept: Session, dropped: Session)] = []
        for (other, otherStatus) in dropped {
            // Sessions last at most `Session.maximumSeconds`: only those starting that long before can overlap.
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle].session.start < other.start - Session.maximumSeconds { low = middle + 1 } else { high = middle }
            }
            for (session, status) in sorted[low...] {
                if session.start >= other.end { break }
                if session.id != other.id, session.overlaps(other), status != .absent || otherStatus != .absent {
                    pairs.append((session, other))
                }
            }
        }
        return pairs.sorted { ($0.kept.start, $0.kept.id, $0.dropped.id) < ($1.kept.start, $1.kept.id, $1.dropped.id) }
    }

    static func rank(_ status: AttendanceStatus) -> Int {
        switch status {
        case .absent: 0
        case .registered: 1
        case .attended: 2
        }
    }
}
