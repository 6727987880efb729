import Foundation
import Testing

/// Issue 15, item 16: what is refused at input, and how the refusal reads.
@Suite struct InputMessagesTests {
    // Swift refuses noncharacters in string literals: built from their code points.
    @Test(arguments: [0xFFFE, 0xFFFF, 0xFDD0] as [UInt32])
    func noncharactersAreRefusedInNamesWithTheirCodePoint(_ codePoint: UInt32) throws {
        let cli = try CLI()
        let noncharacter = String(try #require(Unicode.Scalar(codePoint)))
        let code = String(codePoint, radix: 16, uppercase: true)
        #expect(try cli.run("plant", "add", "La Gaviota", "--state", "Sucre").code == 0)
        let attempts = [["person", "add", "Pe\(noncharacter)dro"], ["plant", "add", "Amuay\(noncharacter)", "--state", "Falcón"],
                        ["plant", "add", "Amuay", "--state", "Fal\(noncharacter)cón"],
                        ["battle", "add", "Batalla\(noncharacter)", "--plant", "La Gaviota", "--start", "2025-03-10", "--end", "2025-03-14"]]
        for attempt in attempts {
            let result = try cli.run(arguments: attempt)
            #expect(result.code == 65, "\(attempt): \(result.stderr)")
            #expect(result.stderr.contains("U+\(code)"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        #expect(try cli.run("person", "list", "--format", "json").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]")
    }

    @Test func timesInMessagesAreAsTypedNeverSecondsSince1970() throws {
        let s = try TwoBattles()
        let long = try s.cli.run("session", "add", "--battle", "Batalla de Amuay", "--workshop", TwoBattles.workshop,
                                 "--start", "2025-06-02 09:00", "--end", "2025-06-04 11:00", "--place", "Galpón",
                                 "--facilitator", "María Pérez", "--force")
        #expect(long.code == 65)
        #expect(long.stderr.contains("2025-06-02 09:00") && long.stderr.contains("2025-06-04 11:00"), "\(long.stderr)")
        #expect(long.stderr.range(of: "[0-9]{9,}", options: .regularExpression) == nil, "\(long.stderr)")
    }

    @Test func aHugeValueIsEchoedCutShort() throws {
        let s = try TwoBattles()
        let huge = String(repeating: "x", count: 100_000)
        let attempts = [["person", "add", huge], ["person", "show", huge], ["history", huge],
                        ["battle", "add", "B", "--plant", "Amuay", "--start", "2025-01-01", "--end", huge],
                        ["battle", "add", "B", "--plant", "Amuay", "--start", "2025-01-01", "--end", "2025-01-02", "--time-zone", huge]]
        for attempt in attempts {
            let result = try s.cli.run(arguments: attempt)
            #expect(result.code == 65, "\(attempt.prefix(2)): \(result.code)")
            #expect(result.stderr.utf8.count < 400, "\(attempt.prefix(2)): \(result.stderr.utf8.count) bytes")
            #expect(result.stderr.contains("xxxx…"), "\(attempt.prefix(2))")
        }
        // A CSV cell too.
        let sheet = s.cli.path("hoja.csv")
        try "María Pérez,\(huge)\n".write(toFile: sheet, atomically: false, encoding: .utf8)
        let attend = try s.cli.run("attend", s.taught, "--csv", sheet)
        #expect(attend.code == 65)
        #expect(attend.stderr.utf8.count < 500, "\(attend.stderr.utf8.count) bytes")
    }
}
