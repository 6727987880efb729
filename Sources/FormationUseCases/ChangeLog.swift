public import FormationDomain
public import FormationStorage
import Foundation

/// One line of `formation log`: a change in words, and what a script needs.
public struct ChangeLogLine: Sendable, Equatable {
    public let number: Int
    public let id: String
    /// UTC, ISO 8601, as stored.
    public let time: String
    public let user: String
    public let command: String
    /// What changed, in words.
    public let description: Message
    public let undoOf: Int?
    public let undoneBy: Int?
    /// Why it cannot be undone, when it cannot.
    public let notUndoable: String?
    public let damaged: Bool
    /// Bytes of its changeset.
    public let size: Int
}

extension UndoRefused: LocalizedFailure {
    public var message: Message {
        switch self {
        case .empty: Message(.undoNothing)
        case .notFound(let query): Message(.undoNotFound, query.echoed)
        case .alreadyUndone(let number, let by): Message(.undoAlreadyUndone, String(number), String(by))
        case .notUndoable(let number, let reason):
            Message(.undoNotUndoable, arguments: [.text(String(number)), ChangeLog.reasonNotUndoable(reason)])
        case .laterChange(let number, let later, let command): Message(.undoLaterChange, String(number), String(later), command.echoed)
        case .conflict(let number): Message(.undoConflict, String(number))
        }
    }
}

extension ChangeDescription {
    /// This process's command line without the database path (`--database P`, `--database=P`),
    /// and its operating-system user (the password database, else `$USER`).
    public static func current(arguments: [String], environment: [String: String]) -> ChangeDescription {
        var kept: [String] = ["formation"]
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { kept += arguments[index...]; break }
            if argument == "--database" { index += 2; continue }
            if argument.hasPrefix("--database=") { index += 1; continue }
            kept.append(argument)
            index += 1
        }
        var user = ""
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { user = String(cString: name) }
        if user.isEmpty { user = environment["USER"] ?? "" }
        return ChangeDescription(command: kept.map(shellQuoted).joined(separator: " "), user: user)
    }

    /// An argument as a shell would need it typed.
    static func shellQuoted(_ argument: String) -> String {
        let plain = !argument.isEmpty && argument.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "-_./:=@%+,#".unicodeScalars.contains($0)
        }
        return plain ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// `formation log` and `formation undo`.
public struct ChangeLog: Sendable {
    public let store: FormationStore

    public init(store: FormationStore) { self.store = store }

    /// The newest change's number (0 when none): what the board's page cache compares.
    public func lastNumber() throws -> Int { try store.lastChangeNumber() }

    /// Changes newest first; with `battle`, only those touching it.
    /// - Throws: `LookupError` for a battle that matches nothing or several.
    public func lines(battle: String? = nil, limit: Int? = nil) throws -> [ChangeLogLine] {
        let battleID = try battle.map { try store.resolve(.battle, $0) }
        return try store.changeEntries(battle: battleID, limit: limit).map(Self.line)
    }

    /// Why a change was not kept for undo, in the reader's language: the store writes the size
    /// reason in fixed English words ("changeset of 22.6 MB, over the 16.0 MB kept for undo").
    public static func reasonNotUndoable(_ stored: String) -> Message.Argument {
        guard let match = stored.wholeMatch(of: /changeset of ([0-9.]+) MB, over the ([0-9.]+) MB kept for undo/) else { return .text(stored) }
        return .message(Message(.logTooLargeToUndo, String(match.1), String(match.2)))
    }

    /// What this process's last write changed, in the log's words: how an add says what it did.
    public func lastChange() throws -> ChangeLogLine? {
        try store.lastLoggedChange().map(Self.line)
    }

    /// Reverts `change` (nil: the newest change still in effect) in one transaction.
    /// - Returns: the change undone, as `log` shows it.
    /// - Throws: `UndoRefused` (exit 65), `StorageError`.
    public func undo(_ change: String?) throws -> ChangeLogLine {
        Self.line(try store.undo(change))
    }

    static func line(_ entry: ChangeEntry) -> ChangeLogLine {
        var description = entry.rows.map { describe($0, counts: entry.counts) } ?? counted(entry.counts)
        if let of = entry.undoOf { description = Message(.logUndoOf, arguments: [.text(String(of)), .message(description)]) }
        return ChangeLogLine(number: entry.number, id: entry.id, time: entry.time, user: entry.user, command: entry.command,
                             description: description, undoOf: entry.undoOf, undoneBy: entry.undoneBy,
                             notUndoable: entry.notUndoable, damaged: entry.rows == nil && entry.notUndoable == nil, size: entry.size)
    }

    // MARK: Words

    /// Rows told one by one when few; otherwise the leading ones (a merge, a cancelled session)
    /// and counts per operation and kind.
    static func describe(_ rows: [ChangedRow], counts: [ChangeCount]) -> Message {
        // Rows that come with another one of the same change are told with it: a new session's
        // facilitators and forced conflicts, a pack's workshops and prerequisites.
        let sessions = Set(rows.filter { $0.table == "session" && $0.kind != .update }.compactMap { $0.values["id"] })
        let curricula = Set(rows.filter { $0.table == "curriculum" }.compactMap { $0.values["id"] })
        let merged = rows.first { $0.table == "personAlias" && $0.kind == .insert }
        var main = rows.filter { row in
            switch row.table {
            case "participation", "recordedConflict": return !sessions.contains(row.values["sessionId"] ?? "") && merged == nil
            case "workshop", "prerequisite": return !curricula.contains(row.values["curriculumId"] ?? "")
            default: return merged == nil
            }
        }
        if let merged {
            let dropped = merged.values["droppedId.name"] ?? rows.first { $0.table == "person" && $0.kind == .delete }?.values["name"]
            return Message(.logMerged, dropped ?? merged.values["droppedId"] ?? "?",
                           merged.values["keptId.name"] ?? merged.values["keptId"] ?? "?")
        }
        if main.isEmpty { main = rows }
        if main.count <= 3 {
            return joined(main.map(sentence))
        }
        // Many rows: every row counted (a record's participations too), a kind with one row named.
        var tally: [(ChangeOperation.Kind, String, [ChangedRow])] = []
        for row in rows {
            if let index = tally.firstIndex(where: { $0.0 == row.kind && $0.1 == row.table }) { tally[index].2.append(row) }
            else { tally.append((row.kind, row.table, [row])) }
        }
        // The programme's own order: what holds the others first.
        let order = ["curriculum", "workshop", "prerequisite", "plant", "battle", "session", "shift", "person", "personAlias",
                     "qualification", "roster", "participation", "recordedConflict"]
        tally.sort { (order.firstIndex(of: $0.1) ?? order.count) < (order.firstIndex(of: $1.1) ?? order.count) }
        var byKind: [(ChangeOperation.Kind, [Message])] = []
        for (kind, table, found) in tally {
            let part = found.count == 1 ? label(found[0]) : Message(manyID(table), String(found.count))
            if let index = byKind.firstIndex(where: { $0.0 == kind }) { byKind[index].1.append(part) }
            else { byKind.append((kind, [part])) }
        }
        return joined(byKind.map { kind, parts in Message(verb(kind), arguments: [.message(joined(parts, separator: ", "))]) })
    }

    static func counted(_ counts: [ChangeCount]) -> Message {
        var byKind: [(ChangeOperation.Kind, [Message])] = []
        for count in counts {
            let many = Message(manyID(count.table), String(count.count))
            if let index = byKind.firstIndex(where: { $0.0 == count.kind }) { byKind[index].1.append(many) }
            else { byKind.append((count.kind, [many])) }
        }
        return joined(byKind.map { kind, parts in
            Message(verb(kind), arguments: [.message(joined(parts, separator: ", "))])
        })
    }

    static func joined(_ messages: [Message], separator: String = "; ") -> Message {
        guard messages.count > 1 else { return messages.first ?? Message(.logNothing) }
        var result = messages[0]
        for next in messages.dropFirst() {
            result = Message(.logJoined, arguments: [.message(result), .text(separator), .message(next)])
        }
        return result
    }

    private static func verb(_ kind: ChangeOperation.Kind) -> MessageID {
        switch kind {
        case .insert: .logAdded
        case .delete: .logRemoved
        case .update: .logChanged
        }
    }

    private static func manyID(_ table: String) -> MessageID {
        switch table {
        case "plant": .logManyPlant
        case "person": .logManyPerson
        case "personAlias": .logManyAlias
        case "battle": .logManyBattle
        case "curriculum": .logManyCurriculum
        case "workshop": .logManyWorkshop
        case "prerequisite": .logManyPrerequisite
        case "session": .logManySession
        case "participation": .logManyParticipation
        case "shift": .logManyShift
        case "qualification": .logManyQualification
        case "roster": .logManyRoster
        default: .logManyConflict
        }
    }

    /// One row in words: "added session freehand-drawing/dimensioning @ Taller, 2026-12-01 14:00".
    static func sentence(_ row: ChangedRow) -> Message {
        if row.table == "session", row.kind == .update, row.changed == ["cancelled"] {
            return Message(row.values["cancelled"] == "1" ? .logCancelled : .logRestored, arguments: [.text(sessionLabel(row.values, prefix: ""))])
        }
        if row.table == "participation", row.kind == .update, row.changed == ["status"] {
            return Message(.logMarked, arguments: [.text(row.values["personId.name"] ?? row.values["personId"] ?? "?"),
                                                   .message(Message(statusID(row.values["status"]))),
                                                   .text(sessionLabel(row.values, prefix: "sessionId."))])
        }
        return edited(row) ?? Message(verb(row.kind), arguments: [.message(label(row))])
    }

    private static func statusID(_ status: String?) -> MessageID {
        switch status {
        case "attended": .logStatusAttended
        case "absent": .logStatusAbsent
        default: .logStatusRegistered
        }
    }

    static func label(_ row: ChangedRow) -> Message {
        let v = row.values
        switch row.table {
        case "plant": return Message(.logRowPlant, v["name"] ?? v["id"] ?? "?")
        case "person": return Message(.logRowPerson, v["name"] ?? v["id"] ?? "?")
        case "battle": return Message(.logRowBattle, v["name"] ?? v["id"] ?? "?")
        case "curriculum": return Message(.logRowCurriculum, v["id"] ?? "?", v["version"] ?? "?")
        case "workshop": return Message(.logRowWorkshop, v["curriculumId"] ?? "?", v["id"] ?? "?")
        case "prerequisite": return Message(.logRowPrerequisite, v["curriculumId"] ?? "?", v["workshopId"] ?? "?")
        case "session":
            return Message(.logRowSession, v["curriculumId"] ?? "?", v["workshopId"] ?? "?", v["place"] ?? "?",
                           localTime(v["start"], zone: v["timeZone"]))
        case "participation":
            return Message(.logRowParticipation, arguments: [
                .text(v["personId.name"] ?? v["personId"] ?? "?"),
                .message(Message(v["role"] == "facilitator" ? .logRoleFacilitator : .logRoleParticipant)),
                .text(sessionLabel(v, prefix: "sessionId.")),
            ])
        case "shift":
            return Message(.logRowShift, v["personId.name"] ?? v["personId"] ?? "?", localTime(v["start"], zone: v["timeZone"]),
                           localTime(v["end"], zone: v["timeZone"]))
        case "personAlias":
            return Message(.logRowAlias, v["droppedId.name"] ?? v["droppedId"] ?? "?", v["keptId.name"] ?? v["keptId"] ?? "?")
        case "roster":
            return Message(.logRowRoster, v["personId.name"] ?? v["personId"] ?? "?", v["battleId.name"] ?? v["battleId"] ?? "?")
        case "qualification":
            return Message(.logRowQualification, v["personId.name"] ?? v["personId"] ?? "?", v["curriculumId"] ?? "?", v["workshopId"] ?? "?")
        default:
            return Message(.logRowConflict, sessionLabel(v, prefix: "sessionId."))
        }
    }

    /// `curriculum/workshop @ place, start` of a session, from its own columns or a reference's.
    private static func sessionLabel(_ values: [String: String], prefix: String) -> String {
        guard let workshop = values[prefix + "workshopId"] else { return values[prefix.isEmpty ? "id" : String(prefix.dropLast())] ?? "?" }
        let zone = prefix.isEmpty ? values["timeZone"] : values["sessionId.timeZone"]
        return "\(values[prefix + "curriculumId"] ?? "?")/\(workshop) @ \(values[prefix + "place"] ?? "?"), "
            + localTime(values[prefix + "start"], zone: zone)
    }

    /// Seconds since 1970 as `YYYY-MM-DD HH:MM` in `zone` (UTC when unknown).
    static func localTime(_ seconds: String?, zone: String?) -> String {
        guard let seconds = seconds.flatMap(Int64.init) else { return "?" }
        return format(Date(timeIntervalSince1970: TimeInterval(seconds)), zone: zone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!)
    }

    /// The log's own UTC time as the machine's local `YYYY-MM-DD HH:MM`.
    public static func localTime(iso: String) -> String {
        guard let date = ISO8601DateFormatter().date(from: iso) else { return iso }
        return format(date, zone: TimeZone.current)
    }

    private static func format(_ date: Date, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
