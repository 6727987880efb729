#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one loop that writes bytes to a file descriptor: `write(2)` until everything is written,
/// again after `EINTR`, on after a partial write. Standard output, standard error and every
/// output file go through it, never through `FileHandle.write` (which traps on `EPIPE` and
/// `ENOSPC`).
public enum DescriptorWriting {
    /// - Returns: nil when every byte was written, else the `errno` of the failed call.
    public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard var next = bytes.baseAddress else { return nil }
        var left = bytes.count
        while left > 0 {
            let written = write(descriptor, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if written == 0 { return EIO }
            next += written
            left -= written
        }
        return nil
    }

    /// `writeAll` for any bytes (a `String`'s UTF-8, an array).
    public static func writeAll(_ descriptor: Int32, _ bytes: some Sequence<UInt8>) -> Int32? {
        if let result = bytes.withContiguousStorageIfAvailable({ writeAll(descriptor, UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return Array(bytes).withUnsafeBytes { writeAll(descriptor, $0) }
    }

    /// The system's text for an `errno` ("No space left on device").
    public static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
