import Foundation

/// Prints one JSON document on stdout: sorted keys, so output is stable across runs and languages.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        Terminal.output(String(decoding: data, as: UTF8.self))
    }

    /// An array written element by element, a few hundred at a time: the same bytes as `print` of the
    /// whole array, without holding its whole text (`workshop facilitators --all`: ~100,000 people).
    static func printArray<T: Encodable>(_ values: [T]) throws {
        guard !values.isEmpty else { return try print(values) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var chunk = "["
        for (index, value) in values.enumerated() {
            let text = String(decoding: try encoder.encode(value), as: UTF8.self)
            chunk += index == 0 ? "\n  " : ",\n  "
            chunk += text.replacingOccurrences(of: "\n", with: "\n  ")
            if chunk.utf8.count > 1 << 16 {
                FileHandle.standardOutput.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        chunk += "\n]"
        Terminal.output(chunk)
    }
}
