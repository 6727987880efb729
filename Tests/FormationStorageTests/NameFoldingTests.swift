@testable import FormationStorage
import Foundation
import Testing

/// The folded key that searches and duplicate checks compare: the table of Latin scalars gives the
/// same key as Foundation's folding of the whole name, which the other names still go through.
@Suite struct NameFoldingTests {
    @Test func foldsCaseAccentsEnyeAndWhiteSpace() {
        #expect(NameFolding.key("  MARÍA   Peña\u{A0}Rondón ") == "maria pena rondon")
        #expect(NameFolding.key("José\r\nÁlvarez") == "jose alvarez")
        #expect(NameFolding.key("Jose\u{301} Mun\u{303}oz") == "jose munoz")   // decomposed: the full path
        #expect(NameFolding.key("ＡＮＡ") == "ana")                              // full width: the full path
    }

    @Test func everyLatinScalarFoldsAsFoundationFoldsIt() {
        for value in 0..<0x250 {
            let text = String(Character(Unicode.Scalar(value)!))
            #expect(NameFolding.key(text) == NameFolding.foundationKey(text), "U+\(String(value, radix: 16))")
        }
    }

    /// Folding is context-free in this range: random strings of its scalars fold alike both ways.
    @Test func latinNamesFoldAsFoundationFoldsThemWhole() {
        var generator = SystemRandomNumberGenerator()
        let common = Array("aeiouáéíóúüñÁÉÍÓÚÜÑ ßæøÆØĳŉǅǈ\t\r\n".unicodeScalars)
        for _ in 0..<10_000 {
            let length = Int.random(in: 1...8, using: &generator)
            let scalars = (0..<length).map { _ in
                Bool.random(using: &generator) ? common.randomElement(using: &generator)!
                    : Unicode.Scalar(UInt32.random(in: 0..<0x250, using: &generator))!
            }
            let text = String(String.UnicodeScalarView(scalars))
            #expect(NameFolding.key(text) == NameFolding.foundationKey(text), "\(scalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func searchMatchesWordStartsWithoutAccentsOrCase() throws {
        let search = try #require(NameSearch("jose rond"))
        #expect(search.matches("José Rondón"))
        #expect(search.matches("RONDÓN, José"))
        #expect(!search.matches("José Arrondo"))
        #expect(!search.matches("Josefina"))   // "rond" begins no word
        #expect(NameSearch("  \t ") == nil)
        let enye = try #require(NameSearch("pena"))
        #expect(enye.matches("Ana Peña"))
    }

    /// The byte path gives the answer the `String` path gives, on names as people type them and on
    /// random ones; beyond the table it declines (nil) and the `String` path answers.
    @Test func searchOnBytesAgreesWithSearchOnStrings() throws {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("aeiounrsltjpcdmgbAEIOUÁÉÍÓÚÜÑáéíóúüñ  \t".unicodeScalars)
        func randomText(_ length: ClosedRange<Int>) -> String {
            String(String.UnicodeScalarView((0..<Int.random(in: length, using: &generator)).map { _ in
                switch Int.random(in: 0..<20, using: &generator) {
                case 0: Unicode.Scalar(UInt32.random(in: 0..<0x250, using: &generator))!
                case 1: Unicode.Scalar(UInt32.random(in: 0x250..<0x2000, using: &generator)) ?? "x"
                default: letters.randomElement(using: &generator)!
                }
            }))
        }
        var buffer: [UInt8] = []
        for _ in 0..<5_000 {
            guard let search = NameSearch(randomText(1...4)) else { continue }
            for name in [randomText(0...14), "José Rondón", "María  Peña\u{A0}Pérez"] {
                let expected = search.matches(name)
                var utf8 = Array(name.utf8)
                let onBytes = utf8.withUnsafeMutableBytes { search.matches(utf8: UnsafeRawBufferPointer($0), buffer: &buffer) }
                if let onBytes { #expect(onBytes == expected, "\(search.words) in \(name.unicodeScalars.map { $0.value })") }
                // The meaning the board had before: every folded word typed begins a folded word of the name.
                let words = NameFolding.key(name).split(separator: " ")
                #expect(expected == search.words.allSatisfy { typed in words.contains { $0.utf8.starts(with: typed) } })
            }
        }
        // Invalid UTF-8 and scalars beyond the table: declined.
        let search = try #require(NameSearch("ana"))
        for bytes: [UInt8] in [[0x61, 0xC3], [0xFF, 0x61], [0x61, 0xE2, 0x82, 0xAC], [0xC1, 0xA1]] {
            #expect(bytes.withUnsafeBytes { search.matches(utf8: $0, buffer: &buffer) } == nil)
        }
    }

    // MARK: The filter that lets a lookup skip folding most names

    static let names = [
        "María Pérez", "MARÍA   PÉREZ", "Maria\u{301} Pe\u{301}rez", " José  Rondón ", "Peña", "ＡＢＣ", "Straße", "Ana-Lucía O'Neil",
        "abcd-1234", "ABCD 1234", "Ábcd-1234", "İlker", "e\u{301}", "\u{FB00}",
    ]

    /// `NameFolding.KeyFilter` only skips folding: it must never rule out a name whose key is the one asked.
    @Test func filterAdmitsEveryNameWhoseKeyMatches() {
        for query in Self.names + ["maria perez", "jose rondon", "pena", "abc", "strasse", "abcd", "27dccbb0"] {
            let key = NameFolding.key(query)
            let filter = NameFolding.KeyFilter(key: key)
            for name in Self.names where NameFolding.key(name) == key {
                #expect(filter.admits(name), "\(name) has the key of \(query)")
            }
        }
    }

    /// What the filter rests on: every printable ASCII character folds to itself, lower-cased.
    @Test func asciiFoldsToItselfLowerCased() {
        for value in UInt8(0x21)...UInt8(0x7E) {
            let text = String(UnicodeScalar(value))
            #expect(NameFolding.foundationKey(text) == text.lowercased(), "\(text)")
        }
    }

    @Test func filterRulesOutNamesWithOtherLetters() {
        let filter = NameFolding.KeyFilter(key: NameFolding.key("27dccbb0"))
        #expect(!filter.admits("María Pérez"))
        #expect(!filter.admits("Ana"))
        #expect(filter.admits("27DCCBB0"))
        #expect(filter.admits("２７ｄｃｃｂｂ０"))   // width folded: not ASCII, left to folding
    }
}

