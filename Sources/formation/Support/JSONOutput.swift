import Foundation

/// Prints one JSON document on stdout: sorted keys, so output is stable across runs and languages.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        try Terminal.data(String(decoding: data, as: UTF8.self))
    }
}
