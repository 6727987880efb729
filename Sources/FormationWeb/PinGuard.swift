/// How the board slows down and then stops guessing of a battle's PIN.
public struct PinPolicy: Sendable {
    /// Each wrong PIN waits this many seconds per wrong try so far before answering.
    public var delayPerFailure: Double
    /// Wrong tries (for a battle, from any phone) that lock its PIN entry…
    public var lockAfter: Int
    /// …for this many seconds.
    public var lockSeconds: Int64

    public init(delayPerFailure: Double = 1, lockAfter: Int = 5, lockSeconds: Int64 = 10 * 60) {
        self.delayPerFailure = delayPerFailure
        self.lockAfter = lockAfter
        self.lockSeconds = lockSeconds
    }
}

/// Wrong PINs per battle. Counted per battle rather than per phone, since a phone that drops its
/// cookies is a new phone: a guesser is stopped whoever they claim to be (facilitators can still
/// write from the CLI while it lasts). The counts live in memory only.
actor PinGuard {
    private var failures: [String: (count: Int, lockedUntil: Int64?)] = [:]
    let policy: PinPolicy

    init(policy: PinPolicy) { self.policy = policy }

    /// Seconds until `battle`'s PIN may be tried again, or nil when it may now.
    func locked(_ battle: String, now: Int64) -> Int64? {
        guard let until = failures[battle]?.lockedUntil else { return nil }
        if until > now { return until - now }
        failures[battle] = nil
        return nil
    }

    /// Counts a wrong PIN; returns how many seconds to wait before answering.
    func failed(_ battle: String, now: Int64) -> Double {
        var entry = failures[battle] ?? (0, nil)
        entry.count += 1
        if entry.count >= policy.lockAfter { entry.lockedUntil = now + policy.lockSeconds }
        failures[battle] = entry
        return policy.delayPerFailure * Double(min(entry.count, policy.lockAfter))
    }

    func succeeded(_ battle: String) { failures[battle] = nil }
}
