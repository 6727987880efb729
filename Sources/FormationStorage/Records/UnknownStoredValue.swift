/// A stored enum column holding a value this version does not know (`role = 'teacher'`): the
/// database was damaged or edited by hand past its CHECK constraints. Reading it as a default
/// would change what the data says, so the read fails, as `StorageError.damaged` (exit 65).
struct UnknownStoredValue: Error, Sendable {
    let column: String
    let value: String

    var detail: String { "\(column) holds '\(value)'" }
}

/// The enum value a stored column names.
///
/// - Throws: `UnknownStoredValue` when the column holds no value of `E`.
func stored<E: RawRepresentable>(_ raw: String, column: String) throws -> E where E.RawValue == String {
    guard let value = E(rawValue: raw) else { throw UnknownStoredValue(column: column, value: raw) }
    return value
}
