public import FormationDomain
public import FormationStorage

/// One session as a facilitator marks it: its battle, title and times, and everyone in
/// it with their role and status.
public struct SessionRoster: Sendable {
    public let entry: SessionEntry
    public let timetable: Timetable
    public let people: [ParticipationEntry]

    public var session: Session { entry.session }

    /// - Parameter session: a session id or id prefix.
    public static func load(_ store: FormationStore, session: String) throws -> SessionRoster {
        let id = try store.resolve(.session, session)
        guard let found = try store.reading({ tx in try tx.session(id) }) else { throw LookupError.notFound(kind: .session, query: session) }
        let timetable = try Timetable.load(store, battleID: found.battle)
        guard let entry = timetable.sessions.first(where: { $0.session.id == id }) else {
            throw LookupError.notFound(kind: .session, query: session)
        }
        let people = try store.reading { tx in try tx.participations(of: id) }
        return SessionRoster(entry: entry, timetable: timetable, people: people)
    }
}
