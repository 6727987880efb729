import Foundation
import Testing
import FormationDomain
import FormationStorage

/// `workshop facilitators` (issue 22): the 20 best candidates by default, found from the
/// facilitators' rows; `--all` for everyone, in the same order; `--near` puts the plant's state first.
@Suite struct FacilitatorListTests {
    static func id(_ n: Int) -> EntityID { EntityID(trusted: "00000000-0000-4000-8000-" + String(format: "%012d", n)) }

    /// 36 people in two states (Falcón when i % 3 == 0). Person i (0..<24) teaches i % 6 sessions of
    /// proportion-by-eye, the ones of even i on later days (so counts tie and recency decides), each
    /// attended by person i + 1 and by one of people 24..<36, who only attend: 34 candidates (persons
    /// 0 and 30 are in none), 20 who taught, 10 of them in Falcón. One session is cancelled, one in the future, one
    /// facilitator absent: none of those count.
    static func scenario() throws -> CLI {
        var cli = try CLI()
        cli.clock = "2026-12-05 12:00:00"   // the 2025 sessions have ended, whatever today is
        let curricula = CLI.repositoryRoot.appendingPathComponent("Curricula")
        let packs = try FileManager.default.contentsOfDirectory(atPath: curricula.path).filter { $0.hasSuffix(".xml") }.sorted()
            .map { curricula.appendingPathComponent($0).path }
        try #require(try cli.run(arguments: ["import"] + packs).code == 0)
        let store = try FormationStore(path: cli.database)
        let sucre = try Plant(id: id(1), name: "La Gaviota", state: "Sucre")
        let falcon = try Plant(id: id(2), name: "Amuay", state: "Falcón")
        try store.add(sucre)
        try store.add(falcon)
        for i in 0..<36 {
            try store.add(Person(id: id(100 + i), name: String(format: "Persona %02d", 35 - i), plant: i % 3 == 0 ? falcon.id : sucre.id))
        }
        let battle = try Battle(id: id(3), name: "B", plant: sucre.id, start: CivilDate(iso: "2025-03-01"),
                                end: CivilDate(iso: "2025-03-31"), timeZone: "America/Caracas")
        try store.add(battle)
        let ref = try WorkshopRef(parsing: "freehand-drawing/proportion-by-eye")
        let day: Int64 = 86_400, first: Int64 = 1_740_830_400   // 2025-03-01 08:00 in Caracas
        var number = 1000
        try store.inScheduleTransaction { tx in
            func session(_ start: Int64, cancelled: Bool = false) throws -> EntityID {
                number += 1
                try tx.insert(Session(id: id(number), battle: battle.id, workshop: ref, start: start, end: start + 7_200,
                                      place: "Taller \(number)", cancelled: cancelled))
                return id(number)
            }
            for i in 0..<24 {
                for k in 0..<(i % 6) {
                    let s = try session(first + Int64(k + (i % 2 == 0 ? 10 : 0)) * day + Int64(i) * 60)
                    try tx.upsert(Participation(session: s, person: id(100 + i), role: .facilitator, status: .attended))
                    try tx.upsert(Participation(session: s, person: id(100 + (i + 1) % 36), role: .participant, status: .attended))
                    try tx.upsert(Participation(session: s, person: id(100 + 24 + i % 12), role: .participant, status: .attended))
                }
            }
            let cancelled = try session(first + 20 * day, cancelled: true)
            let future = try session(first + 3_000 * day)
            let absent = try session(first + 21 * day)
            for s in [cancelled, future, absent] {
                try tx.upsert(Participation(session: s, person: id(135), role: .facilitator, status: s == absent ? .absent : .registered))
            }
        }
        return cli
    }

    func list(_ cli: CLI, _ arguments: String...) throws -> [[String: Any]] {
        let result = try cli.run(arguments: ["workshop", "facilitators", "proportion-by-eye", "--format", "json"] + arguments)
        try #require(result.code == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    @Test func theTwentyBestByDefaultAndEveryoneWithAllInTheSameOrder() throws {
        let cli = try Self.scenario()
        let best = try list(cli), all = try list(cli, "--all")
        #expect(best.count == 20)
        #expect(all.count == 34)
        #expect(best.map { $0["id"] as? String } == all.prefix(20).map { $0["id"] as? String })
        #expect(NSArray(array: best).isEqual(to: Array(all.prefix(20))))
        // Teachers first, most teaching first; at equal counts the most recent teaching first.
        let taught = all.map { $0["taught"] as? Int ?? -1 }
        #expect(taught == taught.sorted(by: >))
        #expect(all.prefix(4).map { $0["taught"] as? Int } == [5, 5, 5, 5])
        let fives = all.prefix(4).map { $0["lastTaught"] as? String ?? "" }
        #expect(fives == fives.sorted(by: >))
        #expect(all.filter { ($0["taught"] as? Int ?? 0) == 0 }.count == 14)
        // The cancelled, future and absent sessions teach nothing: person 35 only attended.
        #expect(all.first { $0["id"] as? String == Self.id(135).rawValue }?["taught"] as? Int == 0)

        let text = try cli.run("workshop", "facilitators", "proportion-by-eye")
        #expect(text.stdout.contains("the 20 best candidates; --all lists everyone"))
        #expect(!(try cli.run("workshop", "facilitators", "proportion-by-eye", "--all")).stdout.contains("20 best"))
    }

    @Test func nearPutsTheStateFirstAndAgreesWithAll() throws {
        let cli = try Self.scenario()
        let best = try list(cli, "--near", "Amuay"), all = try list(cli, "--near", "Amuay", "--all")
        #expect(best.count == 20)
        #expect(NSArray(array: best).isEqual(to: Array(all.prefix(20))))
        // The 10 people of Falcón come first, teachers among them before those who only attended.
        #expect(all.prefix(10).allSatisfy { $0["near"] as? Bool == true && $0["state"] as? String == "Falcón" })
        #expect(all.dropFirst(10).allSatisfy { $0["near"] as? Bool == false })
        #expect(all.prefix(10).map { $0["taught"] as? Int } == [3, 3, 3, 3, 0, 0, 0, 0, 0, 0])
        #expect(all[10]["taught"] as? Int == 5)
    }
}
