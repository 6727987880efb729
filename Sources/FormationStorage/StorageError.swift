public import FormationDomain

/// What can go wrong with the database file itself, as opposed to the data in it.
public enum StorageError: Error, Equatable, Sendable {
    /// Written by a newer formation: refused before anything touches it.
    case tooNew(path: String, unknownMigrations: [String])
    case notADatabase(path: String)
    /// Another process held the lock for longer than the busy timeout.
    case busy(path: String)
    case readOnly(path: String)
    case cannotOpen(path: String, reason: String)
    /// Readable, but not as this version wrote it: a schema that differs from `ExpectedSchema`, or
    /// a row GRDB cannot decode. Refused before any command reads it (no crash inside GRDB).
    case damaged(path: String, detail: String)
    /// A command that only reads found no database at the path: nothing was created.
    case missing(path: String)
    /// The folder of a database named explicitly does not exist: nothing was created.
    case folderMissing(path: String, folder: String)
    case other(String)
}

extension StorageError: LocalizedFailure {
    public var message: Message {
        switch self {
        case .tooNew(let path, let ids): Message(.databaseTooNew, path, ids.joined(separator: ", "))
        case .notADatabase(let path): Message(.databaseNotSQLite, path)
        case .busy(let path): Message(.databaseBusy, path)
        case .readOnly(let path): Message(.databaseReadOnly, path)
        case .cannotOpen(let path, let reason): Message(.databaseOpenFailed, path, reason)
        case .damaged(let path, let detail): Message(.databaseDamaged, path, detail)
        case .missing(let path): Message(.databaseMissing, path)
        case .folderMissing(let path, let folder): Message(.databaseFolderMissing, path, folder)
        case .other(let text): Message(.databaseFailure, text)
        }
    }
}

/// A lookup by name or id prefix that found nothing, or too much.
public enum LookupError: Error, Equatable, Sendable {
    /// Nothing matches; `suggestions` are the nearest names, for "did you mean".
    case notFound(kind: EntityKind, query: String, suggestions: [String] = [])
    case ambiguous(kind: EntityKind, query: String, candidates: [String])
    case duplicateName(kind: EntityKind, name: String, existing: String)
}

/// The things people name on the command line.
public enum EntityKind: String, Sendable {
    case plant, person, battle, curriculum, workshop, session, shift

    /// The kind in words ("plant", "planta"), for messages.
    public var name: Message.Argument { .message(Message(messageID)) }

    /// None of the kind ("no person", "ninguna persona"): Spanish agrees the word with the noun.
    public var none: Message.Argument {
        let id: MessageID = switch self {
        case .plant: .noPlant
        case .person: .noPerson
        case .battle: .noBattle
        case .curriculum: .noCurriculum
        case .workshop: .noWorkshop
        case .session: .noSession
        case .shift: .noShift
        }
        return .message(Message(id))
    }

    var messageID: MessageID {
        switch self {
        case .plant: .kindPlant
        case .person: .kindPerson
        case .battle: .kindBattle
        case .curriculum: .kindCurriculum
        case .workshop: .kindWorkshop
        case .session: .kindSession
        case .shift: .kindShift
        }
    }
}

extension LookupError: LocalizedFailure {
    public var message: Message {
        switch self {
        case .notFound(let kind, let query, let suggestions) where suggestions.isEmpty:
            Message(.notFound, arguments: [kind.none, .text(query.echoed)])
        case .notFound(let kind, let query, let suggestions):
            Message(.notFoundSuggesting, arguments: [kind.none, .text(query.echoed), .text(suggestions.joined(separator: ", "))])
        case .ambiguous(let kind, let query, let candidates):
            Message(.ambiguous, arguments: [kind.name, .text(query.echoed), .text(candidates.joined(separator: "; "))])
        case .duplicateName(let kind, let name, let existing):
            Message(.alreadyExists, arguments: [kind.name, .text(name.echoed), .text(existing)])
        }
    }
}

