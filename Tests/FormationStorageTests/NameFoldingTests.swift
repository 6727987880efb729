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
}
