public import FormationDomain
import FormationStorage

/// How long a write waits for another `formation` process to release the database before giving
/// up with `StorageError.busy` (exit 75): `FORMATION_BUSY_TIMEOUT` in seconds, else 30.
public enum BusyTimeout {
    public static let variable = "FORMATION_BUSY_TIMEOUT"

    /// - Throws: `BusyTimeoutInvalid` for a value that is not a number of seconds from 0 to 86400.
    public static func resolve(environment: [String: String]) throws(BusyTimeoutInvalid) -> Double {
        guard let text = environment[variable], !text.trimmed.isEmpty else { return FormationStore.busyTimeout }
        guard let seconds = Double(text.trimmed), seconds.isFinite, (0...86_400).contains(seconds) else {
            throw BusyTimeoutInvalid(value: text)
        }
        return seconds
    }
}

public struct BusyTimeoutInvalid: Error, Sendable, Equatable, LocalizedFailure {
    public let value: String
    public var message: Message { Message(.busyTimeoutInvalid, value) }
}
