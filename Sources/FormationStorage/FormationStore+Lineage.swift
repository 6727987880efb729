public import FormationDomain
internal import Foundation
internal import GRDB

// The teaching lineage of a workshop, computed from the participations when asked.
//
// At two million participations a workshop has ~10,000 sessions and ~77,000 participations, ~13,000
// of them facilitators. The default lineage names only the people who taught, so it reads each
// session's participations once through the participation primary key (sessionId, personId), which
// holds role and status: one row per session comes back, with its teachers, how many attended, and
// who (to find the learners who taught it too). Nothing is joined per learner: no person or plant
// lookups, no sort of 77,000 rows by name. `HistorySQL.workshopParticipations` (every learner, with
// names) stays for `--learners`.

/// One session of a workshop, as the teaching lineage reads it: not cancelled, with at least one participation.
public struct TeachingSessionRow: Sendable, Equatable {
    public let session: EntityID
    public let battle: EntityID
    /// Seconds since 1970 (UTC).
    public let start: Int64
    /// Facilitators whose teaching counts: not marked absent, and the session had ended by `now`.
    public let teachers: [EntityID]
    /// The participants who attended, as keys (no `String` is made for them: a workshop has ~75,000
    /// at two million participations, and the lineage names only the few who teach).
    public let attended: [IDKey]
}

/// An id as its stored bytes: hashing and comparing a 36-byte UUID as five machine words instead
/// of a `String`. Any other length is kept as text.
public struct IDKey: Hashable, Sendable {
    private let w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64
    private let w4: UInt32
    private let other: String?

    public init(_ id: EntityID) {
        var text = id.rawValue
        self = text.withUTF8 { IDKey(UnsafeRawBufferPointer($0)) }
    }

    init(_ bytes: UnsafeRawBufferPointer) {
        if bytes.count == 36 {
            w0 = bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
            w1 = bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            w2 = bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
            w3 = bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
            w4 = bytes.loadUnaligned(fromByteOffset: 32, as: UInt32.self)
            other = nil
        } else {
            (w0, w1, w2, w3, w4) = (0, 0, 0, 0, 0)
            other = String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// The SQL of the lineage, kept together so that `Scripts/bench.py` runs the same query as its baseline.
enum LineageSQL {
    /// Arguments: now (seconds since 1970), curriculum id, workshop id. One row per session, in time order:
    /// id, battle, start, and its people in one list separated by spaces: each participant who attended,
    /// and each facilitator whose teaching counts, marked with a leading `T` (ids are lower-case).
    /// One aggregate, each participation's role and status compared once.
    static let teachingSessions = """
        SELECT session.id, session.battleId, session.start,
               group_concat(CASE participation.role
                   WHEN 'participant' THEN CASE participation.status WHEN 'attended' THEN participation.personId END
                   ELSE CASE WHEN participation.status != 'absent' AND session."end" <= ? THEN 'T' || participation.personId END
               END, ' ')
        FROM session
        JOIN participation ON participation.sessionId = session.id
        WHERE session.curriculumId = ? AND session.workshopId = ? AND session.cancelled = 0
        GROUP BY session.start, session.rowid
        """

    static func battles(_ count: Int) -> String {
        """
        SELECT battle.id, battle.name, battle.plantId, battle.startDate, battle.endDate, battle.timeZone, plant.name, plant.state
        FROM battle JOIN plant ON plant.id = battle.plantId WHERE battle.id IN (\(placeholders(count)))
        """
    }

    static func names(_ count: Int) -> String {
        "SELECT id, name FROM person WHERE id IN (\(placeholders(count)))"
    }
}

extension ScheduleTransaction {
    /// Every session of a workshop that is not cancelled and has someone in it, in time order (ties by
    /// storage order): its counting teachers, and its attendance (see `TeachingSessionRow`).
    public func teachingSessions(ofWorkshop ref: WorkshopRef, now: Int64) throws -> [TeachingSessionRow] {
        guard let curriculum = ref.curriculum else { return [] }
        var result: [TeachingSessionRow] = []
        let cursor = try Row.fetchCursor(db, sql: LineageSQL.teachingSessions, arguments: [now, curriculum.rawValue, ref.workshop.rawValue])
        while let row = try cursor.next() {
            // Columns by index, the people list read as bytes: this loop runs ~10,000 times at two
            // million participations, over ~75,000 ids.
            var teachers: [EntityID] = []
            var attended: [IDKey] = []
            try row.withUnsafeData(atIndex: 3) { data in
                data?.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                    var from = 0
                    for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x20 {
                        defer { from = i + 1 }
                        guard i > from else { continue }
                        if bytes[from] == 0x54 {   // "T": a teacher
                            teachers.append(EntityID(trusted: String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(from + 1)..<i]), as: UTF8.self)))
                        } else {
                            attended.append(IDKey(UnsafeRawBufferPointer(rebasing: bytes[from..<i])))
                        }
                    }
                }
            }
            result.append(TeachingSessionRow(session: EntityID(trusted: row[0]), battle: EntityID(trusted: row[1]), start: row[2],
                                             teachers: teachers, attended: attended))
        }
        return result
    }

    /// Battles by id with their plants, a few hundred ids a query (a national workshop was taught at
    /// nearly every battle), columns read by index.
    public func lineageBattles(_ ids: some Collection<EntityID>) throws -> [EntityID: BattleEntry] {
        var result: [EntityID: BattleEntry] = [:]
        result.reserveCapacity(ids.count)
        try forEachRow(inChunksOf: ids, LineageSQL.battles) { row in
            let battle = try Battle(id: EntityID(trusted: row[0]), name: row[1], plant: EntityID(trusted: row[2]),
                                    start: CivilDate(iso: row[3]), end: CivilDate(iso: row[4]), timeZone: row[5])
            result[battle.id] = BattleEntry(battle: battle, plantName: row[6], plantState: row[7])
        }
        return result
    }

    /// People's names by id, a few hundred ids a query (a lineage can name ten thousand people).
    public func personNames(_ ids: some Collection<EntityID>) throws -> [EntityID: String] {
        var result: [EntityID: String] = [:]
        result.reserveCapacity(ids.count)
        try forEachRow(inChunksOf: ids, LineageSQL.names) { row in result[EntityID(trusted: row[0])] = row[1] }
        return result
    }
}
