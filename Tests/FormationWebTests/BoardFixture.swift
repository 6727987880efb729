import FormationDomain
import FormationUseCases
import FormationWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A plant's database in memory, filled through the use cases as the CLI fills it, and the board
/// over it at a fixed instant: nothing here depends on the day the tests run.
struct BoardFixture {
    static let packs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Curricula")
    /// 2026-12-02 10:00 in Caracas (14:00 UTC): the first session is under way, the second is next.
    static let now: Int64 = 1_796_220_000

    let store: FormationStore
    let battle: EntityID
    let first: EntityID
    let second: EntityID
    let people: [String: EntityID]

    init() throws {
        store = try FormationStore.inMemory()
        let packs = ["freehand-drawing", "plant-maintenance", "organising-production"].map { Self.packs.appendingPathComponent("\($0).xml").path }
        _ = try Importer(store: store).run(paths: packs, validateOnly: false, replace: false)
        let programme = Programme(store: store)
        _ = try programme.addPlant(name: "La Gaviota", state: "Sucre", sector: nil, ownership: .state)
        var people: [String: EntityID] = [:]
        for name in ["María Pérez", "Jesús Peña", "José Rondón", "Ana <b>Rivas</b> & \"Co\""] {
            people[name] = try programme.addPerson(name: name, plant: "La Gaviota", retired: false, sector: nil)
        }
        self.people = people
        battle = try programme.addBattle(name: "Batalla de La Gaviota", plant: "La Gaviota", start: "2026-12-01", end: "2026-12-05",
                                         timeZone: "America/Caracas")
        let scheduling = Scheduling(store: store)
        first = try scheduling.addSession(battle: battle.rawValue, workshop: "freehand-drawing/proportion-by-eye", start: "2026-12-02 09:00",
                                          end: "2026-12-02 11:00", place: "Taller mecánico", facilitators: ["María Pérez"], force: true).ids[0]
        second = try scheduling.addSession(battle: battle.rawValue, workshop: "freehand-drawing/orthographic-views", start: "2026-12-02 14:00",
                                           end: "2026-12-02 16:30", place: "Taller mecánico", facilitators: ["María Pérez"], force: true).ids[0]
        _ = try scheduling.attend(session: first.rawValue, entries: [AttendanceEntry(person: "Jesús Peña", status: .attended),
                                                                      AttendanceEntry(person: "José Rondón", status: .registered)],
                                  role: nil, force: true)
    }

    /// Runs `body` against the board's router, in process (no socket), at `now`.
    func test(now: Int64 = Self.now, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: Board(store: store, now: { now }).router())
        try await app.test(.router) { client in try await body(client) }
    }
}

extension BoardFixture {
    /// GETs `uri` for a reader of `acceptLanguage` and checks that it answers a page (200) that shows
    /// each of `texts`.
    func expectPage(_ uri: String, acceptLanguage: String, showing texts: [String],
                    sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await test { client in
            try await client.execute(uri: uri, method: .get, headers: [.acceptLanguage: acceptLanguage]) { response in
                #expect(response.status == .ok, "\(uri)", sourceLocation: sourceLocation)
                for text in texts { #expect(response.text.contains(text), "\(uri): \(text)", sourceLocation: sourceLocation) }
            }
        }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
