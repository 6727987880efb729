internal import Foundation

/// An `application/x-www-form-urlencoded` body as name → values, in order. Malformed escapes are
/// kept as typed; a body is at most `limit` bytes (the board's forms hold a name or two).
struct FormBody {
    static let limit = 16 * 1024

    let fields: [(name: String, value: String)]

    init(_ text: String) {
        fields = text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }
}
