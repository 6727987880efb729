import Foundation
import Testing

/// Names, places and states as people type them (issue 21): case, accents, decomposed accents and
/// spacing do not matter; an exact match wins; several are listed with what tells them apart;
/// nothing found suggests the nearest names.
@Suite struct ForgivingLookupTests {
    static let fiveSpellings = ["María Pérez", "maria perez", "MARÍA PÉREZ", "Mari\u{301}a Pe\u{301}rez", "  María   Pérez "]

    func setUp() throws -> CLI {
        var cli = try CLI()
        cli.language = "es"
        try #require(try cli.run(arguments: ["import"] + CurriculumCommandTests.packs).code == 0)
        try #require(try cli.run("plant", "add", "La Gaviota", "--state", "sucre").code == 0)
        try #require(try cli.run("plant", "add", "Amuay", "--state", "FALCON").code == 0)
        for (name, plant) in [("María Pérez", "La Gaviota"), ("Jesús Peña", "La Gaviota"), ("José Rondón", "La Gaviota"), ("José Rondón", "Amuay")] {
            try #require(try cli.run("person", "add", name, "--plant", plant).code == 0)
        }
        try #require(try cli.run("battle", "add", "Batalla de La Gaviota", "--plant", "la gaviota", "--start", "2026-12-01",
                                 "--end", "2026-12-05", "--time-zone", "America/Caracas").code == 0)
        return cli
    }

    @Test func onePersonWhateverTheSpelling() throws {
        let cli = try setUp()
        let ids = try Self.fiveSpellings.map { spelling -> String? in
            (try cli.json("person", "show", spelling) as? [String: Any])?["id"] as? String
        }
        #expect(Set(ids.compactMap { $0 }).count == 1 && ids.allSatisfy { $0 != nil }, "\(ids)")
        #expect(try cli.run("history", "jesus pena").code == 0)
    }

    @Test func severalAreListedWithTheirPlant() throws {
        let cli = try setUp()
        let result = try cli.run("person", "show", "jose rondon")
        #expect(result.code == 65)
        #expect(result.stderr.contains("José Rondón, Amuay (") && result.stderr.contains("José Rondón, La Gaviota ("), "\(result.stderr)")
    }

    @Test func nothingFoundSuggestsTheNearestNames() throws {
        let cli = try setUp()
        let result = try cli.run("history", "Maria Peres")
        #expect(result.code == 65)
        #expect(result.stderr == "formation: error: ninguna persona coincide con 'Maria Peres'; ¿quiso decir María Pérez?\n", "\(result.stderr)")
        var english = cli
        english.language = "en"
        #expect(try english.run("history", "Jesus Pen").stderr.contains("did you mean Jesús Peña?"))
    }

    @Test func aShortIdPrefixIsNotAnId() throws {
        let cli = try setUp()
        let plants = try #require(try cli.json("plant", "list") as? [[String: Any]])
        let id = try #require(plants.first?["id"] as? String)
        #expect(try cli.run("person", "add", "Pedro", "--plant", String(id.prefix(1))).code == 65)
        #expect(try cli.run("person", "add", "Pedro", "--plant", String(id.prefix(4))).code == 0)
    }

    @Test func statesAreStoredInOneSpelling() throws {
        let cli = try setUp()
        for (index, spelling) in ["bolivar", "BOLÍVAR", "Boli\u{301}var", " Bolívar ", "Bolivar"].enumerated() {
            try #require(try cli.run("plant", "add", "Planta \(index)", "--state", spelling).code == 0)
        }
        let plants = try #require(try cli.json("plant", "list") as? [[String: Any]])
        let states = Set(plants.compactMap { $0["state"] as? String })
        #expect(states == ["Bolívar", "Sucre", "Falcón"])
        // Regions of other countries stay as typed.
        try #require(try cli.run("plant", "add", "Fábrica", "--state", "Andalucía").code == 0)
        #expect(((try cli.json("plant", "list") as? [[String: Any]]) ?? []).contains { $0["state"] as? String == "Andalucía" })
    }

    @Test func onePlaceWhateverTheSpelling() throws {
        let cli = try setUp()
        let first = try cli.run("session", "add", "--battle", "batalla de la gaviota", "--workshop", "proportion-by-eye", "--start", "2026-12-01 09:00",
                                "--end", "2026-12-01 11:00", "--place", "Taller mecánico", "--facilitator", "maria perez", "--force")
        try #require(first.code == 0, "\(first.stderr)")
        for (index, spelling) in ["taller mecanico", "TALLER MECÁNICO", "Taller meca\u{301}nico", " taller  mecánico"].enumerated() {
            let second = try cli.run("session", "add", "--battle", "Batalla de La Gaviota", "--workshop", "lockout-tagout",
                                     "--start", "2026-12-0\(index + 2) 10:00", "--end", "2026-12-0\(index + 2) 12:00", "--place", spelling,
                                     "--facilitator", "Jesús Peña", "--force")
            #expect(second.code == 0, "\(second.stderr)")
            // Typed with a decomposed accent it is already the same text, and nothing needs saying.
            let respelled = spelling.precomposedStringWithCanonicalMapping != "Taller mecánico"
            #expect(second.stderr.contains("es el lugar 'Taller mecánico' que ya usa esta batalla") == respelled, "\(second.stderr)")
        }
        // At the same time as the first session, the same place typed another way is double-booked.
        let clash = try cli.run("session", "add", "--battle", "Batalla de La Gaviota", "--workshop", "lockout-tagout", "--start", "2026-12-01 10:00",
                                "--end", "2026-12-01 12:00", "--place", "taller mecanico", "--facilitator", "Jesús Peña")
        #expect(clash.code == 65)
        #expect(clash.stderr.contains("el lugar 'Taller mecánico' está ocupado"), "\(clash.stderr)")
        let places = Set(((try cli.json("session", "list", "--battle", "Batalla de La Gaviota") as? [[String: Any]]) ?? []).compactMap { $0["place"] as? String })
        #expect(places == ["Taller mecánico"])
    }
}
