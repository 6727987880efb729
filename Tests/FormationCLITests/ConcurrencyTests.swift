import Foundation
import Testing

/// Several `formation` processes on one database (issue 9): writers wait for each other instead of
/// failing, readers see the state before or after a write and never half of it, and a writer that
/// waited longer than `FORMATION_BUSY_TIMEOUT` exits 75 with one line.
@Suite(.serialized) struct ConcurrencyTests {
    /// Runs `count` commands in each of `workers` threads at once; returns every failure.
    func concurrently(workers: Int, count: Int, _ command: @Sendable (Int, Int) throws -> CLI.Result) -> [String] {
        let failures = Collected<String>()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in 1...count {
                do {
                    let result = try command(worker, index)
                    if result.code != 0 || !result.stderr.isEmpty {
                        failures.append("worker \(worker) #\(index): exit \(result.code) \(result.stderr)")
                    }
                } catch {
                    failures.append("worker \(worker) #\(index): \(error)")
                }
            }
        }
        return failures.all
    }

    @Test func fourProcessesWritingAtOnceAllSucceed() throws {
        let cli = try CLI()
        let pack = cli.directory.appendingPathComponent("roomy.xml")
        try PackGenerator.write(id: "roomy", workshops: 1, maxParticipants: 500, to: pack)
        try cli.expectSuccess(cli.run("import", pack.path))

        let added = concurrently(workers: 4, count: 50) { worker, index in
            let result = try cli.run("person", "add", "Trabajador \(worker)-\(index)")
            // Each says what it added, and only that (not another process's change).
            let said = "formation: added person Trabajador \(worker)-\(index)\n"
            return CLI.Result(stdout: result.stdout, stderr: result.stderr == said ? "" : result.stderr, code: result.code)
        }
        #expect(added == [])
        #expect(try SQLiteShell.count(cli.database, "person") == 200)

        try cli.expectSuccess(cli.run("plant", "add", "Amuay", "--state", "Falcón"))
        try cli.expectSuccess(cli.run("person", "add", "Facilitadora"))
        try cli.expectSuccess(cli.run("battle", "add", "Batalla de Amuay", "--plant", "Amuay", "--start", "2026-12-01",
                                      "--end", "2026-12-05", "--time-zone", "America/Caracas"))
        let session = try cli.add("session", "add", "--battle", "Batalla de Amuay", "--workshop", "roomy/w0",
                                  "--start", "2026-12-02 08:00", "--end", "2026-12-02 10:00", "--place", "Patio",
                                  "--facilitator", "Facilitadora", "--force")
        let attended = concurrently(workers: 4, count: 50) { worker, index in
            let result = try cli.run("attend", String(session.prefix(8)), "Trabajador \(worker)-\(index)", "--status", "attended")
            // attend says what it recorded (issue 16); anything else on stderr is a failure.
            let summary = "formation: 1 attended (session \(session.prefix(8)))\n"
            return CLI.Result(stdout: result.stdout, stderr: result.stderr == summary ? "" : result.stderr, code: result.code)
        }
        #expect(attended == [])
        #expect(try SQLiteShell.count(cli.database, "participation WHERE status = 'attended'") == 200)
        #expect(try SQLiteShell.count(cli.database, "person") == 201)
        #expect(try SQLiteShell.integrityCheck(cli.database) == "ok")
    }

    @Test func readerDuringALongImportSeesTheOldStateOrTheNew() throws {
        let cli = try CLI()
        try cli.expectSuccess(cli.run(arguments: ["import"] + CLI.shippedPacks))
        let pack = cli.directory.appendingPathComponent("large-pack.xml")
        try PackGenerator.write(id: "large-pack", workshops: 4000, to: pack)
        let before = try SQLiteShell.count(cli.database, "workshop")

        let importing = try cli.start(["import", pack.path])
        var seen: [Int] = []
        while importing.isRunning {
            seen.append(try SQLiteShell.count(cli.database, "workshop"))
        }
        importing.waitForExit()
        #expect(importing.terminationStatus == 0)
        let after = try SQLiteShell.count(cli.database, "workshop")
        #expect(after == before + 4000)
        #expect(seen.allSatisfy { $0 == before || $0 == after }, "a reader saw a half-done import: \(Set(seen))")
        #expect(seen.count >= 3, "too few reads during the import to mean anything")
        // And through formation itself, while nothing else runs.
        let listed = try #require(try cli.json("workshop", "list") as? [Any])
        #expect(listed.count == after)
    }

    /// The `sqlite3` shell holding the write lock (`BEGIN IMMEDIATE`) until `release()`.
    final class LockHolder {
        let process = Process()
        let input = Pipe()

        init(database: String) throws {
            process.executableURL = URL(fileURLWithPath: SQLiteShell.path)
            process.arguments = ["-batch", database]
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\n".utf8))
            // Wait until the lock is really held: another writer is then refused at once.
            let deadline = Date(timeIntervalSinceNow: 10)
            while (try? SQLiteShell.run(database, "BEGIN IMMEDIATE; ROLLBACK;", timeoutMilliseconds: 0)) != nil {
                guard Date() < deadline else { throw SQLiteShell.Failure(description: "the shell never took the lock") }
                Thread.sleep(forTimeInterval: 0.02)
            }
        }

        func release() {
            try? input.fileHandleForWriting.close()
            process.waitForExit()
        }

        deinit { if process.isRunning { release() } }
    }

    @Test func writerBlockedLongerThanTheBusyTimeoutExits75() throws {
        let cli = try CLI()
        try cli.expectSuccess(cli.run("plant", "add", "Amuay", "--state", "Falcón"))
        let lock = try LockHolder(database: cli.database)
        defer { lock.release() }

        let started = Date()
        let result = try cli.run("person", "add", "Nadie", environment: ["FORMATION_BUSY_TIMEOUT": "0.5"])
        let waited = Date().timeIntervalSince(started)
        #expect(result.code == 75)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.hasPrefix("formation: error: ") && result.stderr.contains("FORMATION_BUSY_TIMEOUT"))
        #expect(waited >= 0.45, "gave up after \(waited) s, before the busy timeout")
        #expect(waited < 10)
        // Reading is never blocked by a writer.
        #expect(try cli.run("plant", "list").code == 0)

        let spanish = try cli.run("person", "add", "Nadie", "--lang", "es", environment: ["FORMATION_BUSY_TIMEOUT": "0"])
        #expect(spanish.code == 75)
        #expect(spanish.stderr.contains("bloqueada"))
        lock.release()
        #expect(try SQLiteShell.count(cli.database, "person") == 0)
    }

    @Test func writerWaitsForTheLockWithinTheBusyTimeout() throws {
        let cli = try CLI()
        try cli.expectSuccess(cli.run("plant", "add", "Amuay", "--state", "Falcón"))
        let lock = try LockHolder(database: cli.database)
        let started = Date()
        let writer = try cli.start(["person", "add", "Paciente"], environment: ["FORMATION_BUSY_TIMEOUT": "20"])
        Thread.sleep(forTimeInterval: 0.6)
        #expect(writer.isRunning, "the writer did not wait for the lock")
        lock.release()
        writer.waitForExit()
        #expect(writer.terminationStatus == 0)
        #expect(Date().timeIntervalSince(started) >= 0.6)
        #expect(try SQLiteShell.count(cli.database, "person") == 1)
    }

    @Test func invalidBusyTimeoutIsAUsageError() throws {
        let cli = try CLI()
        for value in ["soon", "-1", "1e9", "nan"] {
            let result = try cli.run("plant", "list", environment: ["FORMATION_BUSY_TIMEOUT": value])
            #expect(result.code == 64, "\(value)")
            #expect(result.stderr.contains("FORMATION_BUSY_TIMEOUT"))
        }
    }
}
