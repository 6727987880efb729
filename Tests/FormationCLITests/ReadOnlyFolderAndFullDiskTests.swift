import Foundation
import Testing

/// Issue 15, item 16: a database in a read-only folder is still readable; a backup onto a full disk
/// says so.
@Suite struct ReadOnlyFolderAndFullDiskTests {
    /// Makes a folder read-only for this user: mode 555, or `chattr +i` as root (whom modes do not stop).
    static func makeFolderReadOnly(_ path: String, _ readOnly: Bool) -> Bool {
        guard runningAsRoot else { return chmod(path, readOnly ? 0o555 : 0o755) == 0 }
        return makeReadOnly(path, readOnly)
    }

    @Test(.enabled(if: readOnlyFilesPossible, "cannot make a folder read-only for this user here"))
    func aDatabaseInAReadOnlyFolderIsStillRead() throws {
        let s = try TwoBattles()
        let folder = s.cli.directory.appendingPathComponent("usb").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let database = folder + "/formation.sqlite"
        // A consistent single file, as a backup or a closed database is: no -wal, no -shm.
        #expect(try s.cli.run("backup", database).code == 0)
        try #require(Self.makeFolderReadOnly(folder, true))
        defer { _ = Self.makeFolderReadOnly(folder, false) }
        for command in [["person", "list"], ["person", "show", "María Pérez"], ["battle", "list"], ["curriculum", "list"],
                        ["history", "María Pérez"], ["check"]] {
            let result = try s.cli.run(arguments: command + ["--database", database], useDatabaseFlag: false)
            #expect(result.code == 0, "\(command): \(result.stderr)")
            #expect(!result.stdout.isEmpty)
        }
        let write = try s.cli.run(arguments: ["person", "add", "Nadie", "--database", database], useDatabaseFlag: false)
        #expect(write.code == 74, "\(write.stderr)")
        #expect(write.stderr.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["formation.sqlite"])
    }

    /// A 64 KB tmpfs (root only) is a truly full disk: SQLite's backup step fails with SQLITE_FULL,
    /// and the destination connection's message is "not an error".
    @Test(.enabled(if: runningAsRoot, "mounting a small tmpfs needs root"))
    func aBackupOntoAFullDiskSaysSo() throws {
        let s = try TwoBattles()
        let mountPoint = s.cli.directory.appendingPathComponent("full").path
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        guard Self.command("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint]) else { return }
        defer { _ = Self.command("/bin/umount", [mountPoint]) }
        let result = try s.cli.run("backup", mountPoint + "/copia.sqlite")
        #expect([73, 74].contains(result.code), "\(result.code)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!result.stderr.contains("not an error"), "\(result.stderr)")
        #expect(result.stderr.contains("full"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: mountPoint).isEmpty)
    }

    static func command(_ path: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitForExit()
        return process.terminationStatus == 0
    }
}
