internal import CSodium
internal import Foundation

/// The board's signed values: the phone's id, a facilitator's sign-in, and the CSRF token of every
/// form, each an HMAC (libsodium's `crypto_auth`, HMAC-SHA-512-256) under a key drawn at start.
///
/// The key lives only in the process: restarting the board signs every phone out, which is what a
/// facilitator expects of "stop the server".
struct Signing: Sendable {
    private let key: [UInt8]

    init() {
        _ = sodium_init()
        var key = [UInt8](repeating: 0, count: Int(crypto_auth_KEYBYTES))
        randombytes_buf(&key, key.count)
        self.key = key
    }

    /// 16 random bytes as hex: a new phone's id.
    static func randomID() -> String {
        _ = sodium_init()
        var bytes = [UInt8](repeating: 0, count: 16)
        randombytes_buf(&bytes, bytes.count)
        return hex(bytes)
    }

    /// The MAC of `text`, as hex.
    func mac(_ text: String) -> String {
        var out = [UInt8](repeating: 0, count: Int(crypto_auth_BYTES))
        let bytes = Array(text.utf8)
        crypto_auth(&out, bytes, UInt64(bytes.count), key)
        return Self.hex(out)
    }

    /// `parts` joined by dots, then a dot and their MAC: a cookie value (letters, digits, dots only).
    func sign(_ parts: [String]) -> String {
        let text = parts.joined(separator: ".")
        return text + "." + mac(text)
    }

    /// The parts of a value that `sign` made with this key; nil for anything else.
    func verify(_ value: String, parts count: Int) -> [String]? {
        let pieces = value.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard pieces.count == count + 1 else { return nil }
        let text = pieces.dropLast().joined(separator: ".")
        guard Self.equal(mac(text), pieces[count]) else { return nil }
        return Array(pieces.dropLast())
    }

    /// Compares in time that does not depend on where the texts differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return sodium_memcmp(x, y, x.count) == 0
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes { out.append(digits[Int(byte >> 4)]); out.append(digits[Int(byte & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
