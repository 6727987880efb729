#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CLibXML2
public import FormationDomain

/// Why a document could not be written.
public struct XMLWriteError: Error, Sendable, Equatable, LocalizedFailure {
    public let message: Message
    /// The `errno` of the `write(2)` that failed, when the destination refused bytes (nil: a value
    /// the document cannot carry).
    public let errorCode: Int32?

    public init(_ message: Message, errorCode: Int32? = nil) {
        self.message = message
        self.errorCode = errorCode
    }
}

/// Where a writer's bytes go: a file descriptor (left open), or memory.
public enum XMLDestination: Sendable, Equatable {
    /// An open, writable file descriptor (1 is standard output); `name` is how errors call it.
    case fileDescriptor(Int32, name: String)
    /// Bytes collected in memory, read back with `CurriculumPackWriter.bytes`.
    case memory
}

/// The far end of libxml2's output buffer: writes each chunk libxml2 flushes, keeping the first
/// error (libxml2 only sees -1).
final class OutputSink {
    let destination: XMLDestination
    private(set) var bytes: [UInt8] = []
    private(set) var errorCode: Int32?

    init(_ destination: XMLDestination) {
        self.destination = destination
    }

    func write(_ data: UnsafePointer<UInt8>, count: Int) -> Int32 {
        guard errorCode == nil else { return -1 }
        switch destination {
        case .memory:
            bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: count))
        case .fileDescriptor(let fd, _):
            var done = 0
            while done < count {
                let n = systemWrite(fd, data + done, count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    errorCode = errno
                    return -1
                }
                done += n
            }
        }
        return Int32(count)
    }

    /// The error to throw for what went wrong, if anything did.
    func failure() -> XMLWriteError? {
        guard let errorCode else { return nil }
        let name: String
        if case .fileDescriptor(_, let given) = destination { name = given } else { name = "(memory)" }
        return XMLWriteError(Message(.outputUnwritable, name, ByteInput.describe(errorCode)), errorCode: errorCode)
    }
}

private func systemWrite(_ fd: Int32, _ data: UnsafePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, data, count)
    #else
    Darwin.write(fd, data, count)
    #endif
}
