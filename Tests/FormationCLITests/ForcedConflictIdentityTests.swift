import Foundation
import Testing

/// Battle records carry the person a forced conflict is about by id (older records, without it,
/// still find the person by name). That the conflict is the person's, not their name's, is tested on
/// the use cases (FormationUseCasesTests/Scheduling/ForcedConflictIdentityTests.swift).
@Suite struct ForcedConflictIdentityTests {
    /// Two people named "Ana Rivas" (at different plants), a battle, and a session taught by Beto.
    func battle() throws -> (cli: CLI, session: String, anas: [String]) {
        let cli = try CLI()
        try cli.expectSuccess(cli.run(arguments: ["import"] + CLI.shippedPacks))
        try cli.expectSuccess(cli.run("plant", "add", "La Gaviota", "--state", "Sucre"))
        try cli.expectSuccess(cli.run("plant", "add", "Amuay", "--state", "Falcón"))
        let anas = [try cli.add("person", "add", "Ana Rivas", "--plant", "La Gaviota"),
                    try cli.add("person", "add", "Ana Rivas", "--plant", "Amuay")]
        try cli.expectSuccess(cli.run("person", "add", "Beto Salazar"))
        try cli.expectSuccess(cli.run("battle", "add", "B", "--plant", "La Gaviota", "--start", "2026-12-01", "--end", "2026-12-05",
                                      "--time-zone", "America/Caracas"))
        let session = try cli.add("session", "add", "--battle", "B", "--workshop", "proportion-by-eye", "--start", "2026-12-02 09:00",
                                  "--end", "2026-12-02 11:00", "--place", "Taller", "--facilitator", "Beto Salazar", "--force")
        // Both Anas are on a repair shift during the session.
        for ana in anas {
            try cli.expectSuccess(cli.run("shift", "add", "--battle", "B", "--person", String(ana.prefix(8)),
                                          "--start", "2026-12-02 06:00", "--end", "2026-12-02 10:00"))
        }
        return (cli, String(session.prefix(8)), anas)
    }

    func forcedOnShift(_ cli: CLI) throws -> [[String: Any]] {
        let sessions = try #require(try cli.json("battle", "check", "B") as? [[String: Any]])
        return sessions.flatMap { ($0["conflicts"] as? [[String: Any]]) ?? [] }.filter { $0["kind"] as? String == "onShift" }
    }

    @Test func recordsCarryThePersonAndOlderRecordsFindThemByName() throws {
        let (cli, session, anas) = try battle()
        try cli.expectSuccess(cli.run("attend", session, String(anas[0].prefix(8)), "--force"))
        let record = cli.directory.appendingPathComponent("b.xml")
        try cli.expectSuccess(cli.run("battle", "export", "B", "--as", "record", "-o", record.path))
        let xml = try String(contentsOf: record, encoding: .utf8)
        #expect(xml.contains("kind=\"onShift\" person=\"\(anas[0])\"") || xml.contains("person=\"\(anas[0])\" kind=\"onShift\""), "\(xml)")
        #expect(xml.contains("<argument>Ana Rivas</argument>"))

        let other = try CLI()
        try other.expectSuccess(other.run(arguments: ["import"] + CLI.shippedPacks + [record.path]))
        #expect(try forcedOnShift(other).map { $0["forced"] as? Bool } == [true])
        #expect(try SQLiteShell.run(other.database, "SELECT personId FROM recordedConflict WHERE kind = 'onShift'")
            .trimmingCharacters(in: .whitespacesAndNewlines) == anas[0])

        // A record written before conflicts named their person: the name finds her among the session's people.
        let older = cli.directory.appendingPathComponent("older.xml")
        let withoutPerson = xml.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.contains("<conflict") ? line.replacingOccurrences(of: " person=\"\(anas[0])\"", with: "") : String(line)
        }.joined(separator: "\n")
        #expect(withoutPerson != xml)
        try Data(withoutPerson.utf8).write(to: older)
        let third = try CLI()
        try third.expectSuccess(third.run(arguments: ["import"] + CLI.shippedPacks + [older.path]))
        #expect(try forcedOnShift(third).map { $0["forced"] as? Bool } == [true])
        #expect(try SQLiteShell.run(third.database, "SELECT personId FROM recordedConflict WHERE kind = 'onShift'")
            .trimmingCharacters(in: .whitespacesAndNewlines) == anas[0])
    }
}
