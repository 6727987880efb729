import Foundation
import Testing

/// Issue 15, items 5–7: a record from another plant is held to the rules `session add` enforces,
/// and its ids to what they already name here; otherwise it is refused whole, each problem at its
/// place in the file.
@Suite struct RecordImportRulesTests {
    /// The planning database of BattleCommandTests with one session of Ana Rivas on 1 December, 09:00–11:00.
    func local() throws -> (cli: CLI, session: String, ana: String) {
        let cli = try BattleCommandTests().battle()
        let added = try BattleCommandTests().addSession(cli, "proportion-by-eye", "2026-12-01 09:00", "2026-12-01 11:00",
                                                        place: "Taller mecánico", facilitator: "Ana Rivas")
        try #require(added.code == 0, "\(added.stderr)")
        let session = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let people = try #require(try cli.json("person", "list") as? [[String: Any]])
        let ana = try #require(people.first { $0["name"] as? String == "Ana Rivas" }?["id"] as? String)
        return (cli, session, ana)
    }

    func localBattle(_ cli: CLI) throws -> [String: Any] {
        let battles = try #require(try cli.json("battle", "list") as? [[String: Any]])
        return try #require(battles.first { $0["name"] as? String == "Batalla de La Gaviota" })
    }

    /// Everything the database holds that a refused import might have touched.
    func snapshot(_ cli: CLI) throws -> [String] {
        try [["battle", "list"], ["person", "list"], ["plant", "list"], ["session", "list", "--battle", "Batalla de La Gaviota"]].map {
            try cli.run(arguments: $0 + ["--format", "json"]).stdout
        }
    }

    static let intruder = RecordFixture.Person(name: "Intruso")

    /// A record bringing "Intruso" to facilitate one session from `start` to `end` (times of day in
    /// Caracas on `day`), with the session's `id` when given.
    func intruding(day: String = "2026-12-02", from start: String = "09:00", to end: String = "11:00", id: String? = nil) -> RecordFixture {
        var record = RecordFixture(people: [Self.intruder])
        var session = RecordFixture.Session(start: "\(day)T\(start):00-04:00", end: "\(day)T\(end):00-04:00",
                                            participants: [.init(person: Self.intruder.id, role: "facilitator")])
        if let id { session.id = id }
        record.sessions = [session]
        return record
    }

    /// Runs `command` on `record` and expects it refused (exit 65) at the line of `element`, with
    /// nothing written; returns its messages.
    func refused(_ record: RecordFixture, by cli: CLI, at element: String, command: String = "import",
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let before = try snapshot(cli)
        let path = try record.write(cli)
        let result = try cli.run(command, path)
        #expect(result.code == 65, sourceLocation: sourceLocation)
        let line = try #require(record.line(of: element), sourceLocation: sourceLocation)
        #expect(result.stderr.contains("\(path):\(line):"), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains("nothing was written"), sourceLocation: sourceLocation)
        #expect(try snapshot(cli) == before, "nothing of the record was written", sourceLocation: sourceLocation)
        return result.stderr
    }

    @Test func aSessionIdOfAnotherBattleIsRefused() throws {
        let (cli, session, _) = try local()
        let messages = try refused(intruding(id: session), by: cli, at: "<session id")
        #expect(messages.contains("session \(session) is already here in another battle ('Batalla de La Gaviota')"), "\(messages)")
        #expect(!(try cli.run("person", "list").stdout.contains("Intruso")))
    }

    @Test func aBattleIdAlreadyHereWithOtherDetailsIsRefused() throws {
        let (cli, _, _) = try local()
        let battle = try localBattle(cli)
        var record = intruding(day: "2027-01-10")
        record.battleID = try #require(battle["id"] as? String)
        record.battleName = "Otra batalla"
        record.start = "2027-01-10"
        record.end = "2027-01-12"
        let messages = try refused(record, by: cli, at: "<battle id")
        #expect(messages.contains("is already here as another battle ('Batalla de La Gaviota', La Gaviota, 2026-12-01–2026-12-05, America/Caracas); "
                                  + "the file says 'Otra batalla', Amuay, 2027-01-10–2027-01-12, America/Caracas"), "\(messages)")
    }

    @Test func theSameBattleCanComeBackWithNewSessions() throws {
        // The control: the battle's own id, name, plant, dates and zone, from another plant's laptop.
        let (cli, _, _) = try local()
        let battle = try localBattle(cli)
        let plants = try #require(try cli.json("plant", "list") as? [[String: Any]])
        var record = RecordFixture(plantID: try #require(plants.first?["id"] as? String), plantName: "La Gaviota",
                                   battleID: try #require(battle["id"] as? String), battleName: "Batalla de La Gaviota")
        record.people = [.init(name: "Visitante")]
        record.sessions = [.init(start: "2026-12-02T09:00:00-04:00", end: "2026-12-02T11:00:00-04:00",
                                 participants: [.init(person: record.people[0].id, role: "facilitator")])]
        let result = try cli.run("import", try record.write(cli))
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1 sessions added, 0 already here, 1 people added"))
    }

    @Test func anUnknownTimeZoneIsRefusedNamingIt() throws {
        let (cli, _, _) = try local()
        var record = intruding()
        record.timeZone = "Mars/Olympus_Mons"
        for command in ["validate", "import"] {
            let messages = try refused(record, by: cli, at: "<battle id", command: command)
            #expect(messages.contains("time zone 'Mars/Olympus_Mons' is not in this machine's time zone data"), "\(messages)")
        }
        #expect(try cli.run("check").code == 0)
    }

    @Test func aSessionMonthsAfterItsBattleIsRefused() throws {
        let (cli, _, _) = try local()
        let messages = try refused(intruding(day: "2027-06-02"), by: cli, at: "<session id")
        #expect(messages.contains("the session falls outside the battle's days (2026-12-01 to 2026-12-05)"), "\(messages)")
    }

    @Test func aNewBattleNamedLikeALocalOneIsRefused() throws {
        let (cli, _, _) = try local()
        var record = intruding()
        record.battleName = "Batalla de La Gaviota"
        let messages = try refused(record, by: cli, at: "<battle id")
        #expect(messages.contains("a different battle named 'Batalla de La Gaviota' is already here"), "\(messages)")
        #expect(try cli.run("battle", "show", "Batalla de La Gaviota").code == 0, "still unambiguous")
    }

    @Test func aPersonDoubleBookedWithinTheRecordIsRefusedAndEveryProblemIsListed() throws {
        let (cli, _, _) = try local()
        var record = RecordFixture(people: [Self.intruder])
        let facilitator = RecordFixture.Participant(person: Self.intruder.id, role: "facilitator")
        record.sessions = [
            .init(start: "2026-12-02T09:00:00-04:00", end: "2026-12-02T11:00:00-04:00", place: "Taller", participants: [facilitator]),
            .init(start: "2026-12-02T10:00:00-04:00", end: "2026-12-02T12:00:00-04:00", place: "Patio", participants: [facilitator]),
            .init(start: "2026-12-20T10:00:00-04:00", end: "2026-12-20T12:00:00-04:00", place: "Patio", participants: []),
        ]
        let path = try record.write(cli)
        let result = try cli.run("import", path)
        #expect(result.code == 65)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 3, "both sides of the double booking and the session outside the battle: \(result.stderr)")
        #expect(errors.filter { $0.contains("Intruso") }.count == 2, "\(result.stderr)")
        let lines = record.xml.split(separator: "\n", omittingEmptySubsequences: false).indices
            .filter { record.xml.split(separator: "\n", omittingEmptySubsequences: false)[$0].contains("<session id") }.map { $0 + 1 }
        for (error, line) in zip(errors, lines) {
            #expect(error.hasPrefix("\(path):\(line):"), "\(error)")
        }
        #expect(try #require(try cli.json("battle", "list") as? [Any]).count == 1)
    }

    @Test func aPersonDoubleBookedWithALocalSessionOfAnotherBattleIsRefused() throws {
        let (cli, _, ana) = try local()
        // The record brings Ana Rivas (by her id) to another plant's battle at the time she teaches here.
        var record = RecordFixture(people: [.init(id: ana, name: "Ana Rivas")])
        record.sessions = [.init(start: "2026-12-01T10:00:00-04:00", end: "2026-12-01T12:00:00-04:00",
                                 participants: [.init(person: ana, role: "participant", status: "attended")])]
        let messages = try refused(record, by: cli, at: "<session id")
        #expect(messages.contains("Ana Rivas is already in another session at that time: freehand-drawing/proportion-by-eye @ Taller mecánico"),
                "names the local session: \(messages)")
    }
}
