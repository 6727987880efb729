public import FormationDomain
internal import FormationStorage
public import Foundation

/// One person to mark in a session: a name or id prefix, a status, and where it came from.
public struct AttendanceEntry: Sendable, Equatable {
    public let person: String
    /// Nil: keep the person's status in the session, or register someone new.
    public let status: AttendanceStatus?
    /// The role a sheet's role column gives, for someone new to the session.
    public let role: Role?
    /// The sheet's line, for messages; nil on the command line.
    public let line: Int?

    public init(person: String, status: AttendanceStatus?, role: Role? = nil, line: Int? = nil) {
        self.person = person
        self.status = status
        self.role = role
        self.line = line
    }
}

/// What `attend` did: the status it recorded for each person, the roles it changed on request.
public struct AttendanceOutcome: Sendable, Equatable {
    public struct RoleChange: Sendable, Equatable {
        public let name: String
        public let from: Role
        public let to: Role
    }

    public let schedule: ScheduleOutcome
    public let statuses: [AttendanceStatus]
    public let roleChanges: [RoleChange]
    /// Facilitators the session has now (a warning is due when none is left).
    public let facilitators: Int
    /// What the sheet reader chose on its own (its encoding, columns left out).
    public internal(set) var notices: [Message] = []

    public var session: EntityID { schedule.ids[0] }
    public func count(_ status: AttendanceStatus) -> Int { statuses.filter { $0 == status }.count }
}

/// What `session cancel` did.
public struct CancelOutcome: Sendable, Equatable {
    public let session: SessionLabel
    /// People registered in it, now free at that time.
    public let people: Int
    public let alreadyCancelled: Bool
}

/// What `attend --remove` did.
public struct LeaveOutcome: Sendable, Equatable {
    public let session: EntityID
    public let removed: [String]
    public let facilitators: Int
}

/// Problems with the people of an `attend`, all of them at once; nothing was recorded.
public struct AttendanceProblems: Error, Sendable, Equatable, LocalizedFailure {
    public struct Problem: Sendable, Equatable {
        /// The sheet's line; nil for a name given on the command line.
        public let line: Int?
        public let message: Message

        public init(line: Int?, message: Message) {
            self.line = line
            self.message = message
        }
    }

    public let problems: [Problem]
    /// What the sheet reader chose on its own, which may explain the problems (a file read as Windows-1252).
    public internal(set) var notices: [Message] = []

    public init(problems: [Problem]) { self.problems = problems }
    public var message: Message { problems[0].message }
}

/// Attendance refused as a whole.
public enum AttendanceRefused: Error, Sendable, Equatable, LocalizedFailure {
    case cancelled(session: EntityID)
    /// `session sheet` of a cancelled session.
    case cancelledSheet(session: EntityID)

    public var message: Message {
        switch self {
        case .cancelled(let session): Message(.attendCancelled, session.short)
        case .cancelledSheet(let session): Message(.sheetCancelled, session.short)
        }
    }
}

extension Role {
    public var message: Message { Message(self == .facilitator ? .roleFacilitator : .roleParticipant) }
}

extension Scheduling {
    /// Takes people off a session: their participation is deleted, as if never registered.
    ///
    /// - Throws: `AttendanceProblems` naming everyone who matches nobody or is not in the session;
    ///   `AttendanceRefused` for a cancelled session.
    public func leave(session: String, people: [String]) throws -> LeaveOutcome {
        let sessionID = try store.resolve(.session, session)
        let resolved = try resolve(people.map { AttendanceEntry(person: $0, status: .registered) })
        return try store.inScheduleTransaction { tx in
            guard let session = try tx.session(sessionID) else { throw LookupError.notFound(kind: .session, query: sessionID.rawValue) }
            guard !session.cancelled else { throw AttendanceRefused.cancelled(session: sessionID) }
            let existing = try tx.participations(of: sessionID)
            let inSession = Set(existing.map(\.participation.person))
            let names = try tx.names(resolved.order)
            let missing = resolved.order.filter { !inSession.contains($0) }
            guard missing.isEmpty else {
                throw AttendanceProblems(problems: missing.map { .init(line: nil, message: Message(.attendNotInSession, names[$0] ?? $0.rawValue, sessionID.short)) })
            }
            for person in resolved.order { try tx.delete(session: sessionID, person: person) }
            let leaving = Set(resolved.order)
            return LeaveOutcome(session: sessionID, removed: resolved.order.map { names[$0] ?? $0.rawValue },
                                facilitators: existing.filter { $0.participation.role == .facilitator && !leaving.contains($0.participation.person) }.count)
        }
    }

    struct ResolvedEntries {
        var order: [EntityID] = []
        var entries: [EntityID: AttendanceEntry] = [:]

        /// Each person's status to record: the entry's, else the one they have, else registered.
        func statuses(keeping existing: [ParticipationEntry]) -> [EntityID: AttendanceStatus] {
            let current = Dictionary(existing.map { ($0.participation.person, $0.participation.status) }) { first, _ in first }
            return entries.mapValues { _ in .registered }.merging(current.filter { entries[$0.key] != nil }) { _, kept in kept }
                .merging(entries.compactMapValues(\.status)) { _, asked in asked }
        }
    }

    /// `attend` for people named on the command line and the rows of a typed sign-in sheet.
    ///
    /// - Parameters:
    ///   - status: for the people named, and for rows with neither status nor signature; nil keeps
    ///     each person's status (and registers someone new).
    ///   - sheet: the file's bytes and its name for messages (`AttendanceSheet` reads them).
    /// - Throws: `AttendanceProblems` with every bad row of the sheet and every name that matches
    ///   nobody, in one list, each row's with its line; then as `attend(session:entries:role:force:)`.
    public func attend(session: String, people: [String], status: AttendanceStatus?, sheet: (data: Data, file: String)?,
                       role: Role?, force: Bool) throws -> AttendanceOutcome {
        var entries = people.map { AttendanceEntry(person: $0, status: status) }
        func entry(_ row: AttendanceSheet.Row) -> AttendanceEntry {
            AttendanceEntry(person: row.person, status: row.status ?? status, role: row.role, line: row.line)
        }
        var notices: [Message] = []
        if let sheet {
            do {
                let read = try AttendanceSheet(data: sheet.data, file: sheet.file)
                entries += read.rows.map(entry)
                notices = read.notices
            } catch {
                // The names of the rows that were read are checked too: every problem at once.
                var problems = error.problems.map { AttendanceProblems.Problem(line: $0.line, message: $0.message) }
                do { _ = try resolve(entries + error.rows.map(entry)) } catch let unknown as AttendanceProblems { problems += unknown.problems }
                var failure = AttendanceProblems(problems: problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
                failure.notices = error.notices
                throw failure
            }
        }
        do {
            var outcome = try attend(session: session, entries: entries, role: role, force: force)
            outcome.notices = notices
            return outcome
        } catch var failure as AttendanceProblems {
            failure.notices = notices
            throw failure
        }
    }

    /// Every entry's person, before anything is written: names that match nobody or several
    /// people, and a person on two lines of a sheet with two statuses, all reported together.
    func resolve(_ entries: [AttendanceEntry]) throws -> ResolvedEntries {
        var resolved = ResolvedEntries()
        var problems: [AttendanceProblems.Problem] = []
        for entry in entries {
            do {
                let id = try store.resolve(.person, entry.person)
                if let earlier = resolved.entries[id] {
                    if let was = earlier.status, let now = entry.status, was != now, let line = entry.line, let first = earlier.line {
                        problems.append(.init(line: line, message: Message(.sheetTwoStatuses, entry.person.echoed, String(first))))
                    }
                    if entry.status == nil { continue }  // a row without a status says nothing new
                } else {
                    resolved.order.append(id)
                }
                resolved.entries[id] = entry
            } catch let error as LookupError {
                problems.append(.init(line: entry.line, message: error.message))
            }
        }
        guard problems.isEmpty else { throw AttendanceProblems(problems: problems) }
        return resolved
    }

    struct Roles {
        var roles: [EntityID: Role] = [:]
        var changes: [AttendanceOutcome.RoleChange] = []
        var facilitators = 0
    }

    /// Each person's role: the session's, unless `explicit` says otherwise (then each change is
    /// named); for someone new, `explicit`, the sheet's, or participant. A sheet row whose role
    /// differs from the session's is a problem: a sheet never changes a role by itself.
    func roles(of resolved: ResolvedEntries, existing: [ParticipationEntry], explicit: Role?) throws -> Roles {
        var result = Roles()
        var problems: [AttendanceProblems.Problem] = []
        let current = Dictionary(existing.map { ($0.participation.person, ($0.participation.role, $0.name)) }) { first, _ in first }
        for person in resolved.order {
            guard let entry = resolved.entries[person] else { continue }  // every id in `order` has its entry
            guard let (role, name) = current[person] else {
                result.roles[person] = explicit ?? entry.role ?? .participant
                continue
            }
            if let explicit {
                result.roles[person] = explicit
                if explicit != role { result.changes.append(.init(name: name, from: role, to: explicit)) }
            } else {
                result.roles[person] = role
                if let asked = entry.role, asked != role {
                    problems.append(.init(line: entry.line, message: Message(.sheetRoleDiffers, arguments: [
                        .text(name), .message(role.message), .message(asked.message)])))
                }
            }
        }
        guard problems.isEmpty else { throw AttendanceProblems(problems: problems) }
        let final = current.mapValues(\.0).merging(result.roles) { _, new in new }
        result.facilitators = final.values.filter { $0 == .facilitator }.count
        return result
    }
}
