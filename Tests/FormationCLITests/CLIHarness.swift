import Foundation
import Testing

/// Runs the built `formation` binary as a user would: arguments, environment, stdin; returns
/// what it printed and its exit code.
struct CLI {
    struct Result {
        let stdout: String
        let stderr: String
        let code: Int32
    }

    let directory: URL
    var database: String { directory.appendingPathComponent("formation.sqlite").path }
    var language = "en"
    /// When set, every run sees the clock start at this time (`2026-12-05 12:00:00`, UTC), through
    /// faketime: for tests whose answers depend on which sessions have ended.
    var clock: String?

    init() throws {
        directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("formation-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// The directory that holds the test bundle holds the binary too.
    static let binary: URL = {
        var url = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = url.appendingPathComponent("formation")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            url = url.deletingLastPathComponent()
        }
        let fromArgument = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("formation")
        return fromArgument
    }()

    /// Sanitizer settings of the test run (Scripts/sanitizers.sh) and a clock faked for it
    /// (`faketime '2031-06-15 12:00' swift test`) reach the binary too.
    static let inheritedEnvironment = ProcessInfo.processInfo.environment.filter {
        ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS", "UBSAN_OPTIONS", "LD_PRELOAD"].contains($0.key) || $0.key.hasPrefix("FAKETIME")
    }

    /// The binary a faked clock runs. libfaketime cannot start a sanitized binary (its
    /// `clock_gettime` is called while the sanitizer's runtime initialises, and the process hangs),
    /// so Scripts/sanitizers.sh names a plain build in `FORMATION_PLAIN_BINARY` for those runs.
    static let fakedClockBinary: URL = ProcessInfo.processInfo.environment["FORMATION_PLAIN_BINARY"]
        .map { URL(fileURLWithPath: $0) } ?? binary

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @discardableResult
    func run(_ arguments: String..., environment: [String: String] = [:], stdin: Data? = nil, useDatabaseFlag: Bool = true) throws -> Result {
        try run(arguments: arguments, environment: environment, stdin: stdin, useDatabaseFlag: useDatabaseFlag)
    }

    /// - Parameter launcher: a command that runs the binary (its path comes after the launcher's arguments).
    func run(arguments: [String], environment: [String: String] = [:], stdin: Data? = nil, useDatabaseFlag: Bool = true,
             launcher: [String] = []) throws -> Result {
        if launcher.isEmpty, let clock {
            return try run(arguments: arguments, environment: ["TZ": "UTC"].merging(environment) { $1 }, stdin: stdin,
                           useDatabaseFlag: useDatabaseFlag, launcher: try Self.fakeTimeLauncher(clock))
        }
        let arguments = useDatabaseFlag ? Self.insertDatabase(arguments, database) : arguments
        let executable: String, argv: [String]
        if let command = launcher.first {
            executable = command
            argv = launcher.dropFirst() + [(command == Self.fakeTime ? CLI.fakedClockBinary : CLI.binary).path] + arguments
        } else {
            executable = CLI.binary.path
            argv = arguments
        }
        // A launcher (faketime) sets its own clock: the test run's faked one, if any, stays out.
        let inherited = launcher.isEmpty ? CLI.inheritedEnvironment
            : CLI.inheritedEnvironment.filter { $0.key != "LD_PRELOAD" && !$0.key.hasPrefix("FAKETIME") }
        var env = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8", "FORMATION_LANG": language]
            .merging(inherited) { own, _ in own }
        for (key, value) in environment { env[key] = value }
        let outcome = try ChildProcess.run(executable, arguments: argv, environment: env, directory: directory.path,
                                           stdin: stdin)
        return Result(stdout: String(decoding: outcome.stdout, as: UTF8.self),
                      stderr: String(decoding: outcome.stderr, as: UTF8.self), code: outcome.status)
    }

    /// Debian's `faketime` (which `.ci/run` installs) runs the binary with its clock starting at a
    /// given time, to show that answers do not depend on today's date.
    static let fakeTime = "/usr/bin/faketime"

    /// Runs `formation` as if the clock read `time` (`2031-06-15 12:00:00`, UTC) when it started.
    func run(at time: String, _ arguments: String...) throws -> Result {
        try run(at: time, arguments: arguments)
    }

    func run(at time: String, arguments: [String]) throws -> Result {
        try run(arguments: arguments, environment: ["TZ": "UTC"], launcher: try Self.fakeTimeLauncher(time))
    }

    static func fakeTimeLauncher(_ time: String) throws -> [String] {
        try #require(FileManager.default.isExecutableFile(atPath: fakeTime), "faketime is missing: apt-get install faketime")
        _ = staleFakeTimeFilesRemoved
        return [fakeTime, "-f", "@" + time]
    }

    /// The `faketime` wrapper names its semaphore and shared memory after its own pid
    /// (/dev/shm/sem.faketime_sem_PID); a wrapper killed before it cleaned up leaves them behind, and
    /// a later wrapper given the same pid then fails ("sem_open: File exists", exit 1). Those of
    /// processes no longer running are removed once per test run.
    static let staleFakeTimeFilesRemoved: Void = {
        let folder = "/dev/shm"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasPrefix("sem.faketime_sem_") || name.hasPrefix("faketime_shm_") {
            guard let pid = Int32(name.split(separator: "_").last ?? ""), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }()

    /// `--database` goes after the subcommand path (options belong to the leaf command).
    static func insertDatabase(_ arguments: [String], _ database: String) -> [String] {
        arguments + ["--database", database]
    }

    /// `battle export BATTLE --as record` into `name` in this run's folder, which must succeed: the
    /// file's path and its text.
    func exportRecord(_ battle: String, to name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (path: String, text: String) {
        let path = directory.appendingPathComponent(name).path
        let export = try run("battle", "export", battle, "--as", "record", "-o", path)
        try #require(export.code == 0, "\(export.stderr)", sourceLocation: sourceLocation)
        return (path, try String(contentsOfFile: path, encoding: .utf8))
    }

    func json(_ arguments: String...) throws -> Any {
        let result = try run(arguments: arguments + ["--format", "json"])
        guard result.code == 0 else { throw CLIError.failed(result.stderr) }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    enum CLIError: Error { case failed(String) }
}
