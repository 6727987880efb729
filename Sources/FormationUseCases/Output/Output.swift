public import FormationDomain
import FormationXML
import Foundation

/// Why an output was refused or failed. Refusals are exit 73; a failed standard output is 74.
public enum OutputFailure: Error, Equatable, Sendable, LocalizedFailure {
    /// `-o` names the database, its `-wal`, `-shm` or `-journal` file.
    case isDatabase(String)
    /// `-o` names an SQLite database (another one, or a backup).
    case isSQLite(String)
    /// `-o` names a folder (or ends with `/`).
    case isDirectory(String)
    /// `-o` names an existing file nobody may write (mode 444): not silently replaced.
    case readOnly(String)
    /// Standard output or standard error refused bytes (full disk, closed, a broken pipe).
    case standardStream(String, reason: String)

    public var message: Message {
        switch self {
        case .isDatabase(let path): Message(.outputIsDatabase, path)
        case .isSQLite(let path): Message(.outputIsSQLite, path)
        case .isDirectory(let path): Message(.fileIsDirectory, path)
        case .readOnly(let path): Message(.outputReadOnly, path)
        case .standardStream(let name, let reason): Message(.outputUnwritable, name, reason)
        }
    }
}

/// Where a command's output goes: the one output path of every `-o FILE` and of standard output
/// (DESIGN.md §8). What the target is decides how it is written:
///
/// - absent or a regular file: written under a short temporary name in the same folder
///   (`.formation-XXXXXX`, so a name of 255 bytes still works), flushed, then renamed over it, so
///   it holds the old content or the new, never half; an existing file keeps its mode;
/// - a symbolic link: followed to its final target, which is replaced as above (the link stays);
/// - a device, a FIFO, a socket, or `-`/nil (standard output): written through, never replaced;
/// - the database, its `-wal`/`-shm`/`-journal`, any SQLite file, a folder, a read-only file:
///   refused (`OutputFailure`, exit 73), nothing written.
public final class Output {
    enum Kind {
        case standardOutput
        case through
        case atomic(temporary: String, final: String)
    }

    /// The name errors use: the path as typed, or `<stdout>`.
    public let name: String
    /// Where the bytes go (1 for standard output).
    public let descriptor: Int32
    private let kind: Kind
    private var finished = false

    /// - Parameters:
    ///   - path: the `-o` argument; nil or `-` is standard output.
    ///   - database: the database in use, which no output may replace.
    /// - Throws: `OutputFailure` (refused), `FileFailure.unwritable` (the folder is missing or
    ///   read-only).
    public init(path: String?, protecting database: String) throws {
        guard let path, path != "-" else {
            (name, descriptor, kind) = ("<stdout>", 1, .standardOutput)
            return
        }
        name = path
        if path.hasSuffix("/") { throw OutputFailure.isDirectory(path) }
        // What the path leads to, links followed by the kernel (also /proc's, like /dev/stdout's).
        var status = stat()
        let exists = stat(path, &status) == 0
        let type = status.st_mode & S_IFMT
        if exists, type == S_IFDIR { throw OutputFailure.isDirectory(path) }
        if exists, type != S_IFREG {
            let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard fd >= 0 else { throw FileFailure.unwritable(path, reason: DescriptorWriting.describe(errno)) }
            (descriptor, kind) = (fd, .through)
            return
        }
        // A regular file or a new one: replaced under its own name, the links to it kept.
        let target = Self.followLinks(path)
        try Self.refuseDatabase(target, exists: exists ? status : nil, database: database, typed: path)
        if exists {
            if status.st_mode & 0o222 == 0 || access(target, W_OK) != 0 { throw OutputFailure.readOnly(path) }
            if Self.hasSQLiteHeader(target) { throw OutputFailure.isSQLite(path) }
        }
        let folder = (target as NSString).deletingLastPathComponent
        let (fd, temporary) = try Self.createTemporary(in: folder.isEmpty ? "." : folder, for: path)
        if exists {
            // The replacement keeps the old file's permissions (and owner, when we may set it).
            _ = fchmod(fd, status.st_mode & 0o7777)
            if geteuid() == 0 { _ = fchown(fd, status.st_uid, status.st_gid) }
        }
        (descriptor, kind) = (fd, .atomic(temporary: temporary, final: target))
    }

    /// Writes `bytes`.
    /// - Throws: `OutputFailure.standardStream` (exit 74) for standard output, else
    ///   `FileFailure.unwritable` (exit 73).
    public func write(_ bytes: some Sequence<UInt8>) throws {
        if let code = DescriptorWriting.writeAll(descriptor, bytes) { throw failure(code) }
    }

    /// The error for a failed write of this output, from the `errno` of the call.
    public func failure(_ code: Int32) -> any Error {
        let reason = DescriptorWriting.describe(code)
        if case .standardOutput = kind { return OutputFailure.standardStream(name, reason: reason) }
        return FileFailure.unwritable(name, reason: reason)
    }

    /// Finishes the output: a temporary file is flushed and renamed over the target; a device or
    /// FIFO is closed; standard output is left open.
    public func commit() throws {
        guard !finished else { return }
        finished = true
        switch kind {
        case .standardOutput:
            return
        case .through:
            if close(descriptor) != 0 { throw failure(errno) }
        case .atomic(let temporary, let final):
            let synced = fsync(descriptor) == 0
            let closed = close(descriptor) == 0
            guard synced, closed, rename(temporary, final) == 0 else {
                let code = errno
                unlink(temporary)
                throw failure(code)
            }
        }
    }

    /// Gives up: a temporary file is removed, the target left as it was.
    public func abandon() {
        guard !finished else { return }
        finished = true
        switch kind {
        case .standardOutput: return
        case .through: close(descriptor)
        case .atomic(let temporary, _):
            close(descriptor)
            unlink(temporary)
        }
    }

    deinit { abandon() }

    /// Writes a whole document to `path` (nil or `-`: standard output): opened, written, committed.
    public static func write(_ bytes: some Sequence<UInt8>, to path: String?, protecting database: String) throws {
        let output = try Output(path: path, protecting: database)
        do {
            try output.write(bytes)
            try output.commit()
        } catch {
            output.abandon()
            throw error
        }
    }

    // MARK: What the target is

    /// `path` with every symbolic link of its last component followed (up to 40, as the kernel
    /// does); a link to a missing file gives that file's path, so it is created there.
    static func followLinks(_ path: String) -> String {
        var current = path
        for _ in 0 ..< 40 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { return current }
            let link = String(decoding: buffer[0 ..< length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
        }
        return current
    }

    /// The absolute path of `path` with its folder's links resolved (the file itself may not exist).
    static func canonical(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        guard let resolved = realpath(folder.isEmpty ? "." : folder, nil) else { return path }
        defer { free(resolved) }
        return (String(cString: resolved) as NSString).appendingPathComponent(base)
    }

    /// Refuses the database and the files SQLite keeps beside it, by name (they may not exist
    /// yet) and by identity (a hard link, another spelling of the path).
    static func refuseDatabase(_ target: String, exists: stat?, database: String, typed: String) throws {
        guard database != ":memory:" else { return }
        let base = canonical(followLinks(database))
        let companions = ["", "-wal", "-shm", "-journal"].map { base + $0 }
        if companions.contains(canonical(target)) { throw OutputFailure.isDatabase(typed) }
        guard let exists else { return }
        for companion in companions {
            var status = stat()
            if stat(companion, &status) == 0, status.st_dev == exists.st_dev, status.st_ino == exists.st_ino {
                throw OutputFailure.isDatabase(typed)
            }
        }
    }

    /// Whether the file begins with SQLite's 16-byte header, "SQLite format 3" and a zero byte.
    static func hasSQLiteHeader(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 16)
        let count = header.withUnsafeMutableBytes { read(fd, $0.baseAddress, 16) }
        return count == 16 && header == Array("SQLite format 3\0".utf8)
    }

    /// A new file `.formation-XXXXXX` in `folder`, created exclusively (readable as the umask allows).
    static func createTemporary(in folder: String, for path: String) throws -> (Int32, String) {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        for _ in 0 ..< 100 {
            let suffix = String((0 ..< 6).map { _ in letters[Int.random(in: 0 ..< letters.count)] })
            let temporary = (folder as NSString).appendingPathComponent(".formation-" + suffix)
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 { return (fd, temporary) }
            if errno != EEXIST { throw FileFailure.unwritable(path, reason: DescriptorWriting.describe(errno)) }
        }
        throw FileFailure.unwritable(path, reason: DescriptorWriting.describe(EEXIST))
    }
}

extension Output {
    /// Runs an XML writer over this output, then commits; on any failure the output is abandoned
    /// and the writer's error becomes this output's (74 on standard output, else 73).
    func stream<Result>(_ body: (XMLDestination) throws -> Result) throws -> Result {
        do {
            let result = try body(.fileDescriptor(descriptor, name: name))
            try commit()
            return result
        } catch {
            abandon()
            if let code = (error as? XMLWriteError)?.errorCode { throw failure(code) }
            throw error
        }
    }
}
