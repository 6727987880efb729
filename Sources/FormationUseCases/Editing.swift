public import FormationDomain
public import FormationStorage

/// One field an edit changed, as the line that reports it says it: `place: Taller → Patio`.
public struct FieldChange: Sendable, Equatable {
    public let field: MessageID
    public let before: Message.Argument
    public let after: Message.Argument

    public init(_ field: MessageID, _ before: Message.Argument, _ after: Message.Argument) {
        self.field = field
        self.before = before
        self.after = after
    }

    public var message: Message { Message(.editField, arguments: [.message(Message(field)), before, after]) }

    /// The change of `field` from `before` to `after`, or nil when they are the same.
    static func of<T: Equatable>(_ field: MessageID, _ before: T, _ after: T, _ say: (T) -> Message.Argument) -> FieldChange? {
        before == after ? nil : FieldChange(field, say(before), say(after))
    }

    /// A value that may be missing: "none" then.
    static func optional(_ value: String?) -> Message.Argument {
        value.map(Message.Argument.text) ?? .message(Message(.none))
    }

    static func yesNo(_ value: Bool) -> Message.Argument { .message(Message(value ? .yes : .no)) }
}

/// What an edit or a removal did, for its one line on stderr.
public struct EditOutcome: Sendable, Equatable {
    public let kind: EntityKind
    /// The thing as it reads after the change (before it, for a removal).
    public let label: String
    public let changes: [FieldChange]
    /// Rows that went with a removed session (its registrations).
    public var removedWith = 0
    /// Soft conflicts forced and recorded, notes on times, as `session add` reports them.
    public var schedule = ScheduleOutcome(ids: [], recorded: [])

    public init(kind: EntityKind, label: String, changes: [FieldChange]) {
        self.kind = kind
        self.label = label
        self.changes = changes
    }

    /// "changed session … : place: Taller → Patio", or that nothing needed changing.
    public var edited: Message {
        guard !changes.isEmpty else { return Message(.editNothing, arguments: [kind.name, .text(label)]) }
        return Message(.editDone, arguments: [kind.name, .text(label), .message(ChangeLog.joined(changes.map(\.message)))])
    }

    /// "removed plant La Gaviota" (with its registrations, for a session).
    public var removed: Message {
        removedWith == 0 ? Message(.removeDone, arguments: [kind.name, .text(label)])
            : Message(.removeDoneWith, arguments: [kind.name, .text(label), .text(String(removedWith))])
    }
}

/// An edit or removal refused before anything was written.
public enum EditRefused: Error, Sendable, Equatable, LocalizedFailure {
    /// Rows refer to it: each group counted, its first names given.
    case referred(kind: EntityKind, name: String, by: Referrers)
    /// A person with a history (or other ids merged into them) is merged, not removed.
    case personHasHistory(name: String, participations: Int, shifts: Int, aliases: Int)
    /// A session with attendance recorded is cancelled, not removed.
    case sessionHeld(label: String, id: EntityID, marked: Int)
    /// New battle days (or zone) would leave these sessions and shifts outside.
    case outsideBattle(start: CivilDate, end: CivilDate, items: [String], more: Int)
    /// The same name at the same plant, without `--force`.
    case duplicatePerson(name: String, plant: String?, existing: EntityID)

    public var message: Message {
        switch self {
        case .referred(let kind, let name, let by):
            let groups = by.groups.filter { $0.count > 0 }.map { group in
                let names = group.names.joined(separator: ", ") + (group.count > group.names.count ? ", …" : "")
                let (one, many) = Self.ids(group.kind)
                return group.count == 1 ? Message(one, names) : Message(many, String(group.count), names)
            }
            return Message(.removeReferred, arguments: [kind.name, .text(name), .message(ChangeLog.joined(groups, separator: ", "))])
        case .personHasHistory(let name, let participations, let shifts, let aliases):
            if participations == 0 && aliases == 0 { return Message(.removePersonShifts, name, String(shifts)) }
            return Message(.removePersonHistory, name, String(participations), String(shifts), name.echoed)
        case .sessionHeld(let label, let id, let marked):
            return Message(.removeSessionHeld, label, String(marked), id.short)
        case .outsideBattle(let start, let end, let items, let more):
            let listed = items.joined(separator: "; ")
            return more == 0 ? Message(.battleEditOutside, start.description, end.description, listed)
                : Message(.battleEditOutsideMore, start.description, end.description, listed, String(more))
        case .duplicatePerson(let name, let plant, let existing):
            return plant.map { Message(.personDuplicate, name, $0, existing.short) }
                ?? Message(.personDuplicateNoPlant, name, existing.short)
        }
    }

    private static func ids(_ kind: Referrers.Kind) -> (MessageID, MessageID) {
        switch kind {
        case .person: (.refPerson, .refPeople)
        case .battle: (.refBattle, .refBattles)
        case .session: (.refSession, .refSessions)
        case .shift: (.refShift, .refShifts)
        case .participation: (.refSession, .refSessions)
        case .alias: (.refAlias, .refAliases)
        }
    }
}
