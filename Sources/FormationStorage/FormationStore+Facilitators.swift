public import FormationDomain
internal import GRDB

// Who can teach a workshop, aggregated in SQL.
//
// A national first workshop is taught tens of thousands of times: at two million participations,
// heavy-tailed, `proportion-by-eye` has ~45,000 sessions, ~540,000 participations and ~24,000 people
// who taught it. Loading them all took 1.6 s and 190 MB. The best candidates are people who taught,
// so the default list reads only the facilitators' rows, through two indexes of migration v3:
// `session_workshop_taught` (the workshop's sessions with their times and ids, no table lookup) and
// the partial `participation_facilitator` (facilitator rows only, ~12% of participations, covering).
// People who only attended are read only when fewer than the asked-for number taught; `--all` reads
// every participation of the workshop in one aggregate.

/// One person's tally for one workshop, as SQL counts it (`Counting`'s definitions): sessions not
/// cancelled; taught = facilitator not marked absent of a session ended by `now`; attended =
/// participant marked attended. Times are the starts of the last such sessions (seconds since 1970).
public struct FacilitatorTally: Sendable, Equatable {
    public let person: EntityID
    public var taught: Int
    public var attended: Int
    public var lastTaught: Int64?
    public var lastAttended: Int64?

    public init(person: EntityID, taught: Int, attended: Int, lastTaught: Int64?, lastAttended: Int64?) {
        self.person = person
        self.taught = taught
        self.attended = attended
        self.lastTaught = lastTaught
        self.lastAttended = lastAttended
    }
}

/// A person's name and home plant, as the facilitator list shows them.
public struct FacilitatorPerson: Sendable, Equatable {
    public let name: String
    public let plantID: EntityID?
    public let plantName: String?
    public let plantState: String?
}

/// Whose rows a tally reads: everyone, or only people whose home plant is (or is not) in some states.
public enum FacilitatorScope: Sendable, Equatable {
    case everyone
    case inStates([String])
    case outsideStates([String])
}

/// The SQL of the facilitator list, kept together so that `Scripts/bench.py` runs the same queries as
/// its baseline and a test can check the indexes they use.
enum FacilitatorSQL {
    /// Arguments: curriculum, workshop, now, then the scope's states. Everyone who taught, most
    /// teaching first, then the most recent.
    static func teachers(_ scope: String) -> String {
        """
        SELECT p.personId, count(*) AS taught, max(s.start) AS lastTaught
        FROM session AS s
        JOIN participation AS p ON p.sessionId = s.id AND p.role = 'facilitator'
        WHERE s.curriculumId = ? AND s.workshopId = ? AND s.cancelled = 0 AND s."end" <= ? AND p.status != 'absent'\(scope)
        GROUP BY p.personId
        ORDER BY taught DESC, lastTaught DESC
        """
    }

    /// Arguments: now, curriculum, workshop, then the scope's states. Everyone who attended and never
    /// taught (by now), the most recent first, then more attendance.
    static func learnersOnly(_ scope: String) -> String {
        """
        SELECT p.personId, sum(p.role = 'participant' AND p.status = 'attended') AS attended,
               max(CASE WHEN p.role = 'participant' AND p.status = 'attended' THEN s.start END) AS lastAttended,
               max(p.role = 'facilitator' AND p.status != 'absent' AND s."end" <= ?) AS taught
        FROM session AS s
        JOIN participation AS p ON p.sessionId = s.id
        WHERE s.curriculumId = ? AND s.workshopId = ? AND s.cancelled = 0\(scope)
        GROUP BY p.personId
        HAVING attended > 0 AND taught = 0
        ORDER BY lastAttended DESC, attended DESC
        """
    }

    /// Arguments: now, now, curriculum, workshop. Every candidate with name and plant (`--all`).
    static let everyone = """
        SELECT t.personId, t.taught, t.attended, t.lastTaught, t.lastAttended, person.name, person.plantId, plant.name, plant.state
        FROM (SELECT p.personId,
                     sum(p.role = 'facilitator' AND p.status != 'absent' AND s."end" <= ?1) AS taught,
                     sum(p.role = 'participant' AND p.status = 'attended') AS attended,
                     max(CASE WHEN p.role = 'facilitator' AND p.status != 'absent' AND s."end" <= ?1 THEN s.start END) AS lastTaught,
                     max(CASE WHEN p.role = 'participant' AND p.status = 'attended' THEN s.start END) AS lastAttended
              FROM session AS s
              JOIN participation AS p ON p.sessionId = s.id
              WHERE s.curriculumId = ?2 AND s.workshopId = ?3 AND s.cancelled = 0
              GROUP BY p.personId) AS t
        JOIN person ON person.id = t.personId
        LEFT JOIN plant ON plant.id = person.plantId
        WHERE t.taught > 0 OR t.attended > 0
        """

    static func scope(_ scope: FacilitatorScope) -> (sql: String, states: [String]) {
        switch scope {
        case .everyone: ("", [])
        case .inStates(let states), .outsideStates(let states):
            ("\n  AND +p.personId \(scope == .inStates(states) ? "IN" : "NOT IN") (SELECT person.id FROM person JOIN plant ON plant.id = person.plantId "
                + "WHERE plant.state IN (\(placeholders(max(1, states.count)))))", states.isEmpty ? [""] : states)
        }
    }

    static func attendance(_ count: Int) -> String {
        """
        SELECT p.personId, count(*), max(s.start)
        FROM participation AS p JOIN session AS s ON s.id = p.sessionId
        WHERE p.personId IN (\(placeholders(count))) AND p.role = 'participant' AND p.status = 'attended'
          AND s.curriculumId = ? AND s.workshopId = ? AND s.cancelled = 0
        GROUP BY p.personId
        """
    }

    static func people(_ count: Int) -> String {
        """
        SELECT person.id, person.name, person.plantId, plant.name, plant.state
        FROM person LEFT JOIN plant ON plant.id = person.plantId WHERE person.id IN (\(placeholders(count)))
        """
    }

    /// Arguments: curriculum, workshop, start. The time zone of the battle of a session of the workshop at that time.
    static let zoneAt = """
        SELECT battle.timeZone FROM session JOIN battle ON battle.id = session.battleId
        WHERE session.curriculumId = ? AND session.workshopId = ? AND session.start = ? LIMIT 1
        """
}

extension ScheduleTransaction {
    /// The people who taught `ref` (by `now`) within `scope`, most teaching first, then the most recent
    /// last session taught; rows are read while `keep` says so (the caller stops after the best few).
    /// Their attendance is not counted here (see `attendance(ofWorkshop:people:)`).
    public func teachers(ofWorkshop ref: WorkshopRef, now: Int64, scope: FacilitatorScope,
                         while keep: (FacilitatorTally) -> Bool) throws -> [FacilitatorTally] {
        guard let curriculum = ref.curriculum else { return [] }
        let (sql, states) = FacilitatorSQL.scope(scope)
        var arguments: [(any DatabaseValueConvertible)?] = [curriculum.rawValue, ref.workshop.rawValue, now]
        arguments += states.map { $0 as (any DatabaseValueConvertible)? }
        let cursor = try Row.fetchCursor(db, sql: FacilitatorSQL.teachers(sql), arguments: StatementArguments(arguments))
        var result: [FacilitatorTally] = []
        while let row = try cursor.next() {
            let tally = FacilitatorTally(person: EntityID(trusted: row[0]), taught: row[1], attended: 0, lastTaught: row[2], lastAttended: nil)
            guard keep(tally) else { break }
            result.append(tally)
        }
        return result
    }

    /// The people who attended `ref` and never taught it (by `now`) within `scope`, the most recent
    /// first, then more attendance; rows are read while `keep` says so.
    public func learnersOnly(ofWorkshop ref: WorkshopRef, now: Int64, scope: FacilitatorScope,
                             while keep: (FacilitatorTally) -> Bool) throws -> [FacilitatorTally] {
        guard let curriculum = ref.curriculum else { return [] }
        let (sql, states) = FacilitatorSQL.scope(scope)
        var arguments: [(any DatabaseValueConvertible)?] = [now, curriculum.rawValue, ref.workshop.rawValue]
        arguments += states.map { $0 as (any DatabaseValueConvertible)? }
        let cursor = try Row.fetchCursor(db, sql: FacilitatorSQL.learnersOnly(sql), arguments: StatementArguments(arguments))
        var result: [FacilitatorTally] = []
        while let row = try cursor.next() {
            let tally = FacilitatorTally(person: EntityID(trusted: row[0]), taught: 0, attended: row[1], lastTaught: nil, lastAttended: row[2])
            guard keep(tally) else { break }
            result.append(tally)
        }
        return result
    }

    /// How many sessions of `ref` each of `people` attended, and the start of the last (people who
    /// attended none are left out). Read through `participation_person`, facilitator rows skipped in
    /// the index: a veteran's hundreds of sessions taught cost nothing here.
    public func attendance(ofWorkshop ref: WorkshopRef, people: some Collection<EntityID>) throws -> [EntityID: (count: Int, last: Int64)] {
        guard let curriculum = ref.curriculum else { return [:] }
        var result: [EntityID: (count: Int, last: Int64)] = [:]
        try forEachRow(inChunksOf: people, FacilitatorSQL.attendance,
                       arguments: { StatementArguments($0 + [curriculum.rawValue, ref.workshop.rawValue]) }) { row in
            result[EntityID(trusted: row[0])] = (row[1], row[2])
        }
        return result
    }

    /// Names and home plants of `people`.
    public func facilitatorPeople(_ people: some Collection<EntityID>) throws -> [EntityID: FacilitatorPerson] {
        var result: [EntityID: FacilitatorPerson] = [:]
        try forEachRow(inChunksOf: people, FacilitatorSQL.people) { row in
            result[EntityID(trusted: row[0])] = FacilitatorPerson(name: row[1], plantID: (row[2] as String?).map(EntityID.init(trusted:)),
                                                                  plantName: row[3], plantState: row[4])
        }
        return result
    }

    /// Every candidate for `ref` with name and plant, unordered (`--all`).
    public func everyFacilitatorCandidate(ofWorkshop ref: WorkshopRef, now: Int64,
                                          _ body: (FacilitatorTally, FacilitatorPerson) throws -> Void) throws {
        guard let curriculum = ref.curriculum else { return }
        let cursor = try Row.fetchCursor(db, sql: FacilitatorSQL.everyone, arguments: [now, curriculum.rawValue, ref.workshop.rawValue])
        while let row = try cursor.next() {
            let taught: Int = row[1], attended: Int = row[2]
            try body(FacilitatorTally(person: EntityID(trusted: row[0]), taught: taught, attended: attended, lastTaught: row[3], lastAttended: row[4]),
                     FacilitatorPerson(name: row[5], plantID: (row[6] as String?).map(EntityID.init(trusted:)), plantName: row[7], plantState: row[8]))
        }
    }

    /// The time zone of the battle of a session of `ref` that started at `start` (nil: none).
    public func timeZone(ofWorkshop ref: WorkshopRef, sessionAt start: Int64) throws -> String? {
        guard let curriculum = ref.curriculum else { return nil }
        return try String.fetchOne(db, sql: FacilitatorSQL.zoneAt, arguments: [curriculum.rawValue, ref.workshop.rawValue, start])
    }

    /// Every time zone battles are held in (a handful).
    public func battleTimeZones() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT timeZone FROM battle")
    }

    /// Every state plants are in, as stored.
    public func plantStates() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT state FROM plant")
    }
}
