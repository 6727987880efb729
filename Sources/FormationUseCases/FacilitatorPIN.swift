public import FormationDomain
public import FormationStorage
internal import CSodium
internal import Foundation

/// A battle's facilitator PIN: set from the CLI (`battle pin B`), asked by the board
/// before any write. Kept as a libsodium Argon2id string (`crypto_pwhash_str`, the "interactive"
/// cost: 64 MiB and two passes), so a copied database does not give the PIN away quickly; how long
/// one check takes is measured when the PIN is set and said to the facilitator.
public struct FacilitatorPIN: Sendable {
    public let store: FormationStore

    public init(store: FormationStore) { self.store = store }

    /// A PIN is 4 to 12 ASCII digits: typed on a phone's number pad, and short enough to remember.
    public static func isValid(_ pin: String) -> Bool {
        (4...12).contains(pin.utf8.count) && pin.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// Sets the PIN of `battle` (a name or id prefix).
    ///
    /// - Returns: the battle, and the milliseconds one check of this PIN takes on this machine.
    /// - Throws: `PINRefused.invalid` for a PIN that is not 4 to 12 digits; lookup errors for the battle.
    public func set(battle: String, pin: String) throws -> (battle: BattleEntry, checkMilliseconds: Int) {
        guard Self.isValid(pin) else { throw PINRefused.invalid }
        let id = try store.resolve(.battle, battle)
        guard let entry = try store.battle(id) else { throw LookupError.notFound(kind: .battle, query: battle) }
        let hash = try Self.hash(pin)
        let started = DispatchTime.now().uptimeNanoseconds
        _ = Self.matches(pin, hash)
        let milliseconds = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
        try store.setPinHash(hash, battle: id)
        return (entry, milliseconds)
    }

    /// Whether `pin` is the PIN of `battle` (an id); nil when the battle has no PIN.
    public func check(battle: EntityID, pin: String) throws -> Bool? {
        guard let hash = try store.pinHash(battle: battle) else { return nil }
        return Self.isValid(pin) && Self.matches(pin, hash)
    }

    static let ready: Bool = sodium_init() >= 0

    static func hash(_ pin: String) throws -> String {
        guard ready else { throw PINRefused.unavailable }
        var out = [CChar](repeating: 0, count: Int(crypto_pwhash_STRBYTES))
        let status = pin.withCString { text in
            crypto_pwhash_str(&out, text, UInt64(strlen(text)), UInt64(crypto_pwhash_OPSLIMIT_INTERACTIVE), Int(crypto_pwhash_MEMLIMIT_INTERACTIVE))
        }
        guard status == 0 else { throw PINRefused.unavailable }
        return String(cString: out)
    }

    static func matches(_ pin: String, _ hash: String) -> Bool {
        guard ready else { return false }
        return hash.withCString { stored in pin.withCString { text in crypto_pwhash_str_verify(stored, text, UInt64(strlen(text))) == 0 } }
    }
}

/// A PIN that cannot be set.
public enum PINRefused: Error, Sendable, Equatable, LocalizedFailure {
    case invalid
    /// libsodium could not start or allocate its memory.
    case unavailable

    public var message: Message {
        switch self {
        case .invalid: Message(.pinInvalid)
        case .unavailable: Message(.pinUnavailable)
        }
    }
}
