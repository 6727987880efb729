#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FormationDomain

/// Where a document's bytes come from. The reader never loads a whole file in memory and never
/// lets libxml2 open anything itself (libxml2's own file readers inflate gzip transparently).
public enum XMLSource: Sendable, Equatable {
    /// An open file descriptor (0 is standard input), read from its current offset and left open.
    case fileDescriptor(Int32)
    /// A file to open read-only; closed when reading ends.
    case path(String)
    /// Bytes already in memory (tests, small documents).
    case bytes([UInt8])
    /// The first bytes of a descriptor that cannot be re-read (a pipe, standard input, a
    /// terminal), already read to see what the document is, then the rest of the descriptor.
    case prefixed([UInt8], descriptor: Int32)

    /// How issues about the file as a whole name it.
    var displayName: String {
        switch self {
        case .fileDescriptor(let fd), .prefixed(_, let fd): fd == 0 ? "-" : "/dev/fd/\(fd)"
        case .path(let path): path
        case .bytes: "(memory)"
        }
    }
}

/// An opened source: a descriptor we may own, or bytes in memory.
final class ByteInput {
    private enum Storage {
        case descriptor(Int32, owned: Bool)
        case memory([UInt8], next: Int)
        /// Memory first, then the descriptor (not owned).
        case prefix([UInt8], next: Int, then: Int32)
    }

    private var storage: Storage
    let displayName: String

    /// - Throws: `XMLReadFailure` with one line-0 issue when a path cannot be opened or is a folder.
    init(_ source: XMLSource) throws(XMLReadFailure) {
        displayName = source.displayName
        switch source {
        case .fileDescriptor(let fd):
            storage = .descriptor(fd, owned: false)
        case .bytes(let bytes):
            storage = .memory(bytes, next: 0)
        case .prefixed(let bytes, let fd):
            storage = .prefix(bytes, next: 0, then: fd)
        case .path(let path):
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                let code = errno
                let message = code == ENOENT
                    ? Message(.fileMissing, path) : Message(.fileUnreadable, path, ByteInput.describe(code))
                throw XMLReadFailure(issues: [XMLIssue(line: 0, column: 0, message: message)])
            }
            var status = stat()
            if fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
                close(fd)
                throw XMLReadFailure(issues: [XMLIssue(line: 0, column: 0, message: Message(.fileIsDirectory, path))])
            }
            storage = .descriptor(fd, owned: true)
        }
    }

    deinit {
        if case .descriptor(let fd, owned: true) = storage { close(fd) }
    }

    /// Reads up to `count` bytes into `destination`: the number read, 0 at the end, or `-errno`.
    func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        switch storage {
        case .descriptor(let fd, _):
            while true {
                let n = systemRead(fd, destination, count)
                if n >= 0 { return n }
                if errno != EINTR { return -Int(errno) }
            }
        case .memory(let bytes, let next):
            let n = Self.copy(bytes, from: next, into: destination, count: count)
            storage = .memory(bytes, next: next + n)
            return n
        case .prefix(let bytes, let next, let fd):
            guard next < bytes.count else {
                storage = .descriptor(fd, owned: false)
                return read(into: destination, count: count)
            }
            let n = Self.copy(bytes, from: next, into: destination, count: count)
            storage = .prefix(bytes, next: next + n, then: fd)
            return n
        }
    }

    private static func copy(_ bytes: [UInt8], from next: Int, into destination: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        let n = min(count, bytes.count - next)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBufferPointer { source in
            destination.update(from: source.baseAddress! + next, count: n)
        }
        return n
    }

    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
    #else
    Darwin.read(fd, buffer, count)
    #endif
}
