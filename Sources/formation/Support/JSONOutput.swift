import Foundation

/// Prints one JSON document on stdout: sorted keys, so output is stable across runs and languages.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        try Terminal.data(String(decoding: data, as: UTF8.self))
    }

    /// An array written 500 elements at a time: the same bytes as `print` of the whole array,
    /// without holding its whole text (`person list`: 100,000 people; `workshop facilitators --all`).
    /// Each slice is encoded as an array and its brackets dropped (one encoder call per element
    /// cost twice the time of the whole array).
    static func printArray<T: Encodable>(_ values: [T]) throws {
        guard values.count > 500 else { return try print(values) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try Terminal.bytes("[\n".utf8)
        for start in stride(from: 0, to: values.count, by: 500) {
            var data = try encoder.encode(Array(values[start..<min(start + 500, values.count)]))
            // "[\n" ... "\n]" around the slice.
            data = data.dropFirst(2).dropLast(2)
            if start + 500 < values.count { data.append(contentsOf: Array(",\n".utf8)) }
            try Terminal.bytes(data)
        }
        try Terminal.data("\n]")
    }

    /// An array whose elements come in batches (from a database cursor), written batch by batch:
    /// the same bytes as `print` of the whole array, holding one batch at a time.
    static func printBatches<T: Encodable>(_ produce: (([T]) throws -> Void) throws -> Void) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var started = false
        try produce { batch in
            guard !batch.isEmpty else { return }
            var data = try encoder.encode(batch).dropFirst(2).dropLast(2)   // "[\n" … "\n]"
            data.insert(contentsOf: Array((started ? ",\n" : "[\n").utf8), at: data.startIndex)
            started = true
            try Terminal.bytes(data)
        }
        if started { try Terminal.data("\n]") } else { try print([T]()) }
    }
}
