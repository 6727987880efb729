import Foundation
import Testing

/// Crash safety (issue 9): a `formation` process killed with SIGKILL at any moment leaves the
/// database exactly as it was before the command, and sound.
@Suite(.serialized) struct CrashSafetyTests {
    /// What must hold after any kill: SQLite finds nothing wrong, and neither does `formation check`.
    func expectSound(_ cli: CLI, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try SQLiteShell.integrityCheck(cli.database) == "ok", sourceLocation: sourceLocation)
        #expect(try SQLiteShell.foreignKeyCheck(cli.database) == "", sourceLocation: sourceLocation)
        let check = try cli.run("check")
        #expect(check.code == 0 && check.stdout == "ok\n", "\(check.stderr)", sourceLocation: sourceLocation)
    }

    /// Starts `arguments` on a fresh copy of `pristine`, kills it with SIGKILL after `delay`
    /// seconds, and returns the copy and whether the kill landed (false: the command had finished).
    func kill(_ arguments: [String], after delay: Double, on pristine: CLI) throws -> (cli: CLI, killed: Bool) {
        let cli = try pristine.copy()
        let process = try cli.start(arguments)
        Thread.sleep(forTimeInterval: delay)
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitForExit()
        if process.terminationReason == .exit {
            #expect(process.terminationStatus == 0, "\(arguments) failed on its own")
        }
        return (cli, process.terminationReason == .uncaughtSignal)
    }

    @Test func killedImportOfALargePackLeavesTheDatabaseAsBefore() throws {
        let pristine = try CLI()
        try pristine.prepareBattle()
        let pack = pristine.directory.appendingPathComponent("large-pack.xml")
        try PackGenerator.write(id: "large-pack", workshops: 5000, to: pack)
        let before = try SQLiteShell.dump(pristine.database)

        // The typical run time, measured on a copy; kills land between 10 ms and most of it.
        let measured = try pristine.copy()
        let started = Date()
        try measured.expectSuccess(measured.run("import", pack.path))
        let runTime = Date().timeIntervalSince(started)
        let after = try SQLiteShell.dump(measured.database)
        #expect(try SQLiteShell.count(measured.database, "workshop") == 26 + 5000)

        var interrupted = 0
        for delay in [0.01, 0.15 * runTime, 0.35 * runTime, 0.55 * runTime, 0.75 * runTime] {
            let (cli, _) = try kill(["import", pack.path], after: delay, on: pristine)
            // Before its commit, a kill leaves the database exactly as before; after it (the process
            // was still printing or exiting), the import is there whole. Never anything between.
            let dump = try SQLiteShell.dump(cli.database)
            if dump == before {
                interrupted += 1
            } else {
                #expect(dump == after, "killed after \(delay) s: neither the state before nor the one after")
            }
            try expectSound(cli)
        }
        #expect(interrupted >= 3, "the import ran too fast (\(runTime) s) for the kills to land during it")
    }

    /// One session with its facilitator, and 20 registered people ready to be marked.
    func sessionFixture() throws -> (cli: CLI, session: String, people: [String]) {
        let cli = try CLI()
        let battle = try cli.prepareBattle()
        let people = try (1...20).map { index in try cli.add("person", "add", "Persona \(index)") }
        try cli.expectSuccess(cli.run("person", "add", "Ana Facilitadora"))
        let session = try cli.add("session", "add", "--battle", battle, "--workshop", "freehand-drawing/proportion-by-eye",
                                  "--start", "2026-12-02 08:00", "--end", "2026-12-02 10:00", "--place", "Taller",
                                  "--facilitator", "Ana Facilitadora", "--force")
        return (cli, session, people)
    }

    @Test func killedAttendRecordsEveryoneOrNobody() throws {
        let (pristine, session, people) = try sessionFixture()
        let arguments = ["attend", String(session.prefix(8))] + people.map { String($0.prefix(8)) } + ["--status", "attended", "--force"]
        for delay in [0.005, 0.015, 0.03, 0.045, 0.07] {
            let (cli, killed) = try kill(arguments, after: delay, on: pristine)
            let marked = try SQLiteShell.count(cli.database, "participation WHERE status = 'attended'")
            #expect(marked == 0 || marked == 20, "killed after \(delay) s: \(marked) of 20 marked")
            if !killed { #expect(marked == 20) }
            #expect(try SQLiteShell.count(cli.database, "participation WHERE role = 'facilitator'") == 1)
            try expectSound(cli)
        }
    }

    @Test func killedSessionAddLeavesNoHalfSession() throws {
        let (pristine, _, _) = try sessionFixture()
        let arguments = ["session", "add", "--battle", "Batalla de La Gaviota", "--workshop", "freehand-drawing/proportion-by-eye",
                         "--start", "2026-12-03 08:00", "--end", "2026-12-03 10:00", "--place", "Patio",
                         "--facilitator", "Ana Facilitadora", "--force"]
        for delay in [0.005, 0.015, 0.03, 0.045, 0.07] {
            let (cli, killed) = try kill(arguments, after: delay, on: pristine)
            let sessions = try SQLiteShell.count(cli.database, "session")
            #expect(killed ? (sessions == 1 || sessions == 2) : sessions == 2)
            // A session is never stored without the facilitator it was added with.
            #expect(try SQLiteShell.count(cli.database, "session WHERE id NOT IN (SELECT sessionId FROM participation)") == 0)
            try expectSound(cli)
        }
    }
}
