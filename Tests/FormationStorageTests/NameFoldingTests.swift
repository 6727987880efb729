import FormationStorage
import Testing

/// `NameFolding.KeyFilter` only skips folding: it must never rule out a name whose key is the one asked.
@Suite struct NameFoldingTests {
    static let names = [
        "María Pérez", "MARÍA   PÉREZ", "Maria\u{301} Pe\u{301}rez", " José  Rondón ", "Peña", "ＡＢＣ", "Straße", "Ana-Lucía O'Neil",
        "abcd-1234", "ABCD 1234", "Ábcd-1234", "İlker", "e\u{301}", "\u{FB00}",
    ]

    @Test func admitsEveryNameWhoseKeyMatches() {
        for query in Self.names + ["maria perez", "jose rondon", "pena", "abc", "strasse", "abcd", "27dccbb0"] {
            let key = NameFolding.key(query)
            let filter = NameFolding.KeyFilter(key: key)
            for name in Self.names where NameFolding.key(name) == key {
                #expect(filter.admits(name), "\(name) has the key of \(query)")
            }
        }
    }

    @Test func rulesOutNamesWithOtherLetters() {
        let filter = NameFolding.KeyFilter(key: NameFolding.key("27dccbb0"))
        #expect(!filter.admits("María Pérez"))
        #expect(!filter.admits("Ana"))
        #expect(filter.admits("27DCCBB0"))
        #expect(filter.admits("２７ｄｃｃｂｂ０"))   // width folded: not ASCII, left to folding
    }
}
