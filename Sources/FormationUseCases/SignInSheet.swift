public import FormationDomain
public import FormationStorage

/// The paper sign-in sheet of one session, as `session sheet` prints it: facilitators first, then
/// registered participants, then blank rows, in `SheetColumn.printed` columns, so that the sheet
/// typed as printed is read back by `AttendanceSheet`.
public struct SignInSheet: Sendable {
    public struct Row: Sendable, Equatable {
        public let number: Int
        /// Empty on a blank row.
        public let name: String
        public let role: Role?
        public let plant: String
    }

    public let session: Session
    public let timetable: Timetable
    public let facilitators: [String]
    public let rows: [Row]

    /// The command that loads the typed sheet, with the session's whole id.
    public var command: String { "formation attend \(session.id.rawValue) --csv hoja.csv" }

    /// - Parameter seats: rows for people besides the facilitators; by default the workshop's
    ///   maximum (20 when unknown), and always at least 5 blank ones.
    /// - Throws: `AttendanceRefused.cancelledSheet` for a cancelled session: a sheet nobody should sign.
    public static func load(_ store: FormationStore, session: String, seats: Int? = nil) throws -> SignInSheet {
        let id = try store.resolve(.session, session)
        let (found, people, plants) = try store.reading { tx in
            let people = try tx.participations(of: id)
            return (try tx.session(id), people, try tx.plantNames(of: people.map(\.participation.person)))
        }
        guard let session = found else { throw LookupError.notFound(kind: .session, query: id.rawValue) }
        guard !session.cancelled else { throw AttendanceRefused.cancelledSheet(session: id) }
        let timetable = try Timetable.load(store, battleID: session.battle)
        let ordered = people.filter { $0.participation.role == .facilitator } + people.filter { $0.participation.role == .participant }
        var rows = ordered.enumerated().map { index, entry in
            Row(number: index + 1, name: entry.name, role: entry.participation.role, plant: plants[entry.participation.person] ?? "")
        }
        let participants = people.count - people.filter { $0.participation.role == .facilitator }.count
        let seats = seats ?? timetable.workshops[session.workshop]?.maxParticipants ?? 20
        for _ in 0..<max(5, seats - participants) {
            rows.append(Row(number: rows.count + 1, name: "", role: nil, plant: ""))
        }
        return SignInSheet(session: session, timetable: timetable,
                           facilitators: people.filter { $0.participation.role == .facilitator }.map(\.name), rows: rows)
    }
}
