#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import FormationDomain

/// Receives a battle record's items in file order, each once validation has passed it.
public protocol BattleRecordConsumer {
    mutating func item(_ item: BattleRecordItem, at position: XMLPosition) throws
}

/// Reads battle records (`Curricula/battle-record.xsd`) as a stream of domain values, validating
/// while it reads, through the same hardened core as curriculum packs.
public struct BattleRecordReader: Sendable {
    public var limits: XMLLimits

    public init(limits: XMLLimits = .default) { self.limits = limits }

    /// - Throws: `XMLReadFailure`, or the first error `consumer` throws.
    public func read<Consumer: BattleRecordConsumer>(_ source: XMLSource, into consumer: inout Consumer) throws {
        let sink = RecordConsumerSink(consumer)
        defer { consumer = sink.consumer }
        var builder = BattleRecordBuilder(sink: sink)
        try XMLStreamReader.read(source, limits: limits, readSize: 64 << 10, handler: &builder)
    }
}

final class RecordConsumerSink<Consumer: BattleRecordConsumer>: BattleRecordSink {
    var consumer: Consumer
    init(_ consumer: Consumer) { self.consumer = consumer }
    func item(_ item: BattleRecordItem, at position: XMLPosition) throws { try consumer.item(item, at: position) }
}

/// Which of our formats a file is, from its root element, so `formation import` can take packs
/// and records alike.
public enum InterchangeKind: Sendable, Equatable {
    case curriculumPack
    case battleRecord

    /// How many bytes `sniff` looks at: the root element must start within them.
    public static let sniffBytes = 64 << 10

    /// Looks at the start of the regular file open at `descriptor` without moving its offset
    /// (`pread`): the root element's local name. Nil when it cannot tell (a pipe or terminal, no
    /// element in the first `sniffBytes`): the caller then reads it as a pack, whose reader
    /// reports what is wrong with it. For a descriptor that cannot be read twice, read its first
    /// bytes yourself, `sniff` them, and read through `XMLSource.prefixed`.
    public static func sniff(descriptor: Int32) -> InterchangeKind? {
        var buffer = [UInt8](repeating: 0, count: sniffBytes)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return sniff(Array(buffer[0..<count]))
    }

    /// The same on bytes in memory: the first element after the XML declaration, comments,
    /// processing instructions and a DOCTYPE (which the reader then refuses), whatever they contain.
    public static func sniff(_ bytes: [UInt8]) -> InterchangeKind? {
        /// The index just past the first `terminator` at or after `from`.
        func after(_ terminator: [UInt8], from: Int) -> Int? {
            guard terminator.count <= bytes.count else { return nil }
            var index = from
            while index + terminator.count <= bytes.count {
                if bytes[index] == terminator[0], Array(bytes[index..<index + terminator.count]) == terminator { return index + terminator.count }
                index += 1
            }
            return nil
        }
        var i = 0
        while i < bytes.count {
            guard let open = bytes[i...].firstIndex(of: 0x3C) else { return nil }
            let next = open + 1 < bytes.count ? bytes[open + 1] : 0
            if next == 0x3F {  // <? … ?>
                guard let end = after([0x3F, 0x3E], from: open + 2) else { return nil }
                i = end
                continue
            }
            if next == 0x21 {  // <!-- … --> or <!DOCTYPE …>
                let comment = Array(bytes[open..<min(bytes.count, open + 4)]) == [0x3C, 0x21, 0x2D, 0x2D]
                guard let end = comment ? after([0x2D, 0x2D, 0x3E], from: open + 4) : after([0x3E], from: open + 2) else { return nil }
                i = end
                continue
            }
            var end = open + 1
            while end < bytes.count, ![0x20, 0x09, 0x0A, 0x0D, 0x3E, 0x2F].contains(bytes[end]) { end += 1 }
            var name = Array(bytes[(open + 1)..<end])
            if let colon = name.lastIndex(of: 0x3A) { name = Array(name[(colon + 1)...]) }
            switch String(decoding: name, as: UTF8.self) {
            case XMLFormat.battleRecord.root: return .battleRecord
            case XMLFormat.curriculumPack.root: return .curriculumPack
            default: return nil
            }
        }
        return nil
    }
}
