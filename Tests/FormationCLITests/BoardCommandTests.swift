import Foundation
import Testing

/// `battle pin` and `serve` as typed: the PIN from standard input, said to be set and how long a
/// check takes, never printed; bad PINs and ports refused with the usual exit codes.
@Suite struct BoardCommandTests {
    func setUp() throws -> CLI {
        let cli = try CLI()
        try #require(try cli.run("plant", "add", "La Gaviota", "--state", "Sucre").code == 0)
        try #require(try cli.run("battle", "add", "Batalla de La Gaviota", "--plant", "La Gaviota", "--start", "2026-12-01",
                                 "--end", "2026-12-05", "--time-zone", "America/Caracas").code == 0)
        return cli
    }

    @Test func aPINIsReadFromStandardInputAndNeverShown() throws {
        let cli = try setUp()
        let set = try cli.run("battle", "pin", "Batalla de La Gaviota", stdin: Data("4821\n".utf8))
        #expect(set.code == 0)
        #expect(set.stdout.isEmpty)
        #expect(set.stderr.contains("set the facilitator PIN of Batalla de La Gaviota (Argon2id, "))
        #expect(!set.stderr.contains("4821"))
        // Not in the change log either: the log has the battle's creation and nothing after.
        #expect(!(try cli.run("log").stdout.contains("4821")))
    }

    @Test func aBadPINIsRefused() throws {
        let cli = try setUp()
        for pin in ["12", "abcd", "", "1234567890123"] {
            let refused = try cli.run("battle", "pin", "Batalla de La Gaviota", stdin: Data((pin + "\n").utf8))
            #expect(refused.code == 65, "\(pin)")
            #expect(refused.stderr.contains("a PIN is 4 to 12 digits"), "\(pin)")
        }
        #expect(try cli.run("battle", "pin", "Nadie", stdin: Data("4821\n".utf8)).code == 65)
    }

    @Test func serveRefusesAPortOutOfRange() throws {
        let cli = try setUp()
        for port in ["0", "70000"] {
            let refused = try cli.run("serve", "--port", port)
            #expect(refused.code == 64)
            #expect(refused.stderr.contains("a port goes from 1 to 65535"))
        }
    }
}
