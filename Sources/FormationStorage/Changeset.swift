internal import CSQLiteSession

/// One value of a changeset row.
public enum ChangeValue: Sendable, Equatable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    var text: String? {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        default: nil
        }
    }
}

/// One row of a changeset: the table, what happened, and its values by column position. For an
/// update, `old` holds the key and the changed columns only (the others are nil); `new` the changed ones.
public struct ChangeOperation: Sendable, Equatable {
    public enum Kind: String, Sendable { case insert, update, delete }
    public let table: String
    public let kind: Kind
    public let primaryKey: [Bool]
    public let old: [ChangeValue?]
    public let new: [ChangeValue?]

    /// The values of the key columns (from `old`, or `new` for an insert).
    public var key: [ChangeValue] {
        let values = kind == .insert ? new : old
        return zip(primaryKey, values).compactMap { $0 ? ($1 ?? .null) : nil }
    }

    /// Column `index` as the row is after the change (or before, for a delete).
    public func value(_ index: Int) -> ChangeValue? {
        guard index < old.count else { return nil }
        switch kind {
        case .insert: return new[index]
        case .delete: return old[index]
        case .update: return new[index] ?? old[index]
        }
    }
}

/// A changeset failed to parse, invert or apply.
struct ChangesetError: Error {
    let code: Int32
}

/// SQLite's session extension on a connection GRDB owns. Every pointer stays inside one call.
enum Changeset {
    /// Reads every operation of `changeset`.
    /// - Throws: `ChangesetError` when the bytes are not a changeset (a damaged log entry).
    static func operations(_ changeset: [UInt8]) throws -> [ChangeOperation] {
        guard !changeset.isEmpty else { return [] }
        var bytes = changeset
        return try bytes.withUnsafeMutableBytes { buffer throws -> [ChangeOperation] in
            var iterator: OpaquePointer?
            var rc = sqlite3changeset_start(&iterator, Int32(buffer.count), buffer.baseAddress)
            guard rc == SQLITE_OK, let iterator else { throw ChangesetError(code: rc) }
            defer { sqlite3changeset_finalize(iterator) }
            var result: [ChangeOperation] = []
            while true {
                rc = sqlite3changeset_next(iterator)
                if rc == SQLITE_DONE { break }
                guard rc == SQLITE_ROW else { throw ChangesetError(code: rc) }
                var name: UnsafePointer<CChar>?
                var columns: Int32 = 0
                var op: Int32 = 0
                var indirect: Int32 = 0
                rc = sqlite3changeset_op(iterator, &name, &columns, &op, &indirect)
                guard rc == SQLITE_OK, let name else { throw ChangesetError(code: rc) }
                var keyFlags: UnsafeMutablePointer<UInt8>?
                var keyCount: Int32 = 0
                rc = sqlite3changeset_pk(iterator, &keyFlags, &keyCount)
                guard rc == SQLITE_OK, let keyFlags else { throw ChangesetError(code: rc) }
                let primaryKey = (0 ..< Int(keyCount)).map { keyFlags[$0] != 0 }
                let kind: ChangeOperation.Kind = op == SQLITE_INSERT ? .insert : op == SQLITE_DELETE ? .delete : .update
                var old = [ChangeValue?](repeating: nil, count: Int(columns))
                var new = [ChangeValue?](repeating: nil, count: Int(columns))
                for column in 0 ..< columns {
                    var value: OpaquePointer?
                    if kind != .insert, sqlite3changeset_old(iterator, column, &value) == SQLITE_OK, let value {
                        old[Int(column)] = Self.value(value)
                    }
                    value = nil
                    if kind != .delete, sqlite3changeset_new(iterator, column, &value) == SQLITE_OK, let value {
                        new[Int(column)] = Self.value(value)
                    }
                }
                result.append(ChangeOperation(table: String(cString: name), kind: kind, primaryKey: primaryKey, old: old, new: new))
            }
            return result
        }
    }

    private static func value(_ value: OpaquePointer) -> ChangeValue {
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: return .integer(sqlite3_value_int64(value))
        case SQLITE_FLOAT: return .real(sqlite3_value_double(value))
        case SQLITE_TEXT:
            guard let text = sqlite3_value_text(value) else { return .text("") }
            let count = Int(sqlite3_value_bytes(value))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_value_bytes(value))
            guard count > 0, let blob = sqlite3_value_blob(value) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: blob, count: count)))
        default: return .null
        }
    }

    /// The changeset that undoes `changeset`.
    static func inverted(_ changeset: [UInt8]) throws -> [UInt8] {
        var bytes = changeset
        return try bytes.withUnsafeMutableBytes { buffer throws -> [UInt8] in
            var size: Int32 = 0
            var output: UnsafeMutableRawPointer?
            let rc = sqlite3changeset_invert(Int32(buffer.count), buffer.baseAddress, &size, &output)
            defer { sqlite3_free(output) }
            guard rc == SQLITE_OK else { throw ChangesetError(code: rc) }
            guard let output, size > 0 else { return [] }
            return Array(UnsafeRawBufferPointer(start: output, count: Int(size)))
        }
    }

    /// Applies `changeset` on `connection`, inside the caller's transaction. Any conflict (a row not
    /// as the changeset expects it, a foreign key left dangling) aborts it whole.
    /// - Returns: false when a conflict aborted it (nothing was applied).
    static func apply(_ changeset: [UInt8], to connection: OpaquePointer) throws -> Bool {
        var bytes = changeset
        let rc = bytes.withUnsafeMutableBytes { buffer in
            sqlite3changeset_apply(connection, Int32(buffer.count), buffer.baseAddress, nil,
                                   { context, conflict, iterator in
                                       formation_changeset_abort_on_conflict(context, conflict, iterator)
                                   }, nil)
        }
        if rc == SQLITE_ABORT || rc == SQLITE_CONSTRAINT { return false }
        guard rc == SQLITE_OK else { throw ChangesetError(code: rc) }
        return true
    }
}

/// One `sqlite3_session` recording the changes of one write transaction to the tables that hold
/// user data. A class only to own the session, deleted in `deinit`; it never leaves the
/// transaction's closure.
final class ChangeCapture {
    private let session: OpaquePointer

    /// Starts recording `tables` on `connection` (before the transaction's first change).
    init(connection: OpaquePointer, tables: [String]) throws {
        var session: OpaquePointer?
        let rc = sqlite3session_create(connection, "main", &session)
        guard rc == SQLITE_OK, let session else { throw ChangesetError(code: rc) }
        self.session = session
        for table in tables {
            let rc = sqlite3session_attach(session, table)
            guard rc == SQLITE_OK else { throw ChangesetError(code: rc) }
        }
    }

    deinit { sqlite3session_delete(session) }

    /// Everything recorded so far, as a changeset (empty when nothing changed).
    func changeset() throws -> [UInt8] {
        var size: Int32 = 0
        var output: UnsafeMutableRawPointer?
        let rc = sqlite3session_changeset(session, &size, &output)
        defer { sqlite3_free(output) }
        guard rc == SQLITE_OK else { throw ChangesetError(code: rc) }
        guard let output, size > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: output, count: Int(size)))
    }
}
