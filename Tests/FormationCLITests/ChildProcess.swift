import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to its end with `posix_spawn` and `waitpid`, for the thousands of runs of
/// `formation` and `sqlite3` the suite makes.
///
/// Not Foundation's `Process`, for two reasons found on this toolchain:
/// - `Process.run()` reads `/proc/self/fd` with a 256-byte copy of each `dirent`, which now and
///   then reads past a mapped page and crashes the whole test run (SIGSEGV in `memcpy`;
///   swift-corelibs-foundation pull request 5472).
/// - `waitUntilExit()` is not woken when the child ends: it spins the run loop with a 50 ms timer,
///   so every run cost 50 ms more, and under libfaketime the timer never fires at all.
enum ChildProcess {
    struct Outcome {
        let stdout: Data
        let stderr: Data
        /// The exit status, or the number of the signal that ended it.
        let status: Int32
        let signaled: Bool
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `path` with `arguments` in `directory`, writing `stdin` (then closing it) and
    /// collecting both outputs, each read on its own thread so a child that fills one pipe while
    /// the other is read never waits forever.
    static func run(_ path: String, arguments: [String], environment: [String: String], directory: String? = nil,
                    stdin: Data? = nil) throws -> Outcome {
        let input = try pipe(), output = try pipe(), errors = try pipe()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on the copy; every other descriptor is closed in the child.
        posix_spawn_file_actions_adddup2(&actions, input.read, 0)
        posix_spawn_file_actions_adddup2(&actions, output.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errors.write, 2)
        _ = GNU.addCloseFrom(&actions, 3)
        if let directory { _ = GNU.addChdir(&actions, directory) }

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // The test process ignores SIGPIPE (a child that never reads its stdin must not kill it);
        // the child gets the default back, as from a shell.
        _ = sigpipeIgnored
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // Nor does it inherit the signals this thread blocks (a dispatch worker blocks SIGINT).
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        for descriptor in [input.read, output.write, errors.write] { close(descriptor) }
        guard spawned == 0 else {
            for descriptor in [input.write, output.read, errors.read] { close(descriptor) }
            throw Failure(description: "cannot start \(path): \(String(cString: strerror(spawned)))")
        }

        let collectedErrors = Collected<Data>()
        let errorReader = Thread { collectedErrors.append(readToEnd(errors.read)) }
        errorReader.start()
        let writer = Thread {
            if let stdin { writeAll(stdin, to: input.write) }
            close(input.write)
        }
        writer.start()
        let out = readToEnd(output.read)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        while collectedErrors.all.isEmpty { usleep(200) }
        let signal = status & 0x7f
        return Outcome(stdout: out, stderr: collectedErrors.all[0], status: signal == 0 ? (status >> 8) & 0xff : signal,
                       signaled: signal != 0)
    }

    private static let sigpipeIgnored: Void = { signal(SIGPIPE, SIG_IGN) }()

    private static func pipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard GNU.pipe2(&ends, O_CLOEXEC) == 0 else {
            throw Failure(description: "cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        return (ends[0], ends[1])
    }

    /// Reads `descriptor` to its end, then closes it.
    private static func readToEnd(_ descriptor: Int32) -> Data {
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 { data.append(buffer, count: count) }
            else if count == 0 || errno != EINTR { return data }
        }
    }

    /// Writes all of `data`; stops quietly when the child closed its end (EPIPE: it did not read).
    private static func writeAll(_ data: Data, to descriptor: Int32) {
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 { offset += written } else if written == -1 && errno == EINTR { continue } else { return }
            }
        }
    }

    /// glibc's GNU extensions (2.29 and 2.34), which Swift does not import without `_GNU_SOURCE`:
    /// looked up once by name.
    private enum GNU {
        typealias Actions = UnsafeMutablePointer<posix_spawn_file_actions_t>
        static let addCloseFrom = function("posix_spawn_file_actions_addclosefrom_np",
                                           as: (@convention(c) (Actions, Int32) -> Int32).self)
        static let addChdir = function("posix_spawn_file_actions_addchdir_np",
                                       as: (@convention(c) (Actions, UnsafePointer<CChar>) -> Int32).self)
        static let pipe2 = function("pipe2", as: (@convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32).self)

        static func function<T>(_ name: String, as type: T.Type) -> T {
            guard let symbol = dlsym(nil, name) else { fatalError("glibc has no \(name): glibc 2.34 or later is needed") }
            return unsafeBitCast(symbol, to: type)
        }
    }
}
