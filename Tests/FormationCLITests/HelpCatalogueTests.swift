import FormationDomain
import Foundation
import Testing
@testable import formation

/// The CLI's help texts, held to what the domain's catalogue is held to: every text in both
/// languages with the same placeholders, and none left over.
@Suite struct HelpCatalogueTests {
    @Test func everyHelpTextIsInBothLanguagesWithTheSamePlaceholdersAndNoneIsLeftOver() {
        let lacking = HelpID.allCases.filter { id in
            guard let english = HelpCatalogue.english[id], let spanish = HelpCatalogue.spanish[id], !english.isEmpty, !spanish.isEmpty
            else { return true }
            return Catalogue.placeholders(in: english) != Catalogue.placeholders(in: spanish)
        }
        #expect(lacking.isEmpty, "missing, empty or with other placeholders: \(lacking.map(\.rawValue))")
        let counts: [Int] = [HelpCatalogue.english.count, HelpCatalogue.spanish.count]
        #expect(counts == [HelpID.allCases.count, HelpID.allCases.count])
    }

    @Test func rendersInTheAskedLanguage() {
        #expect(HelpCatalogue.render(.helpLangInvalid, ["fr"], .en).contains("fr"))
        #expect(HelpCatalogue.render(.helpLangInvalid, ["fr"], .es).contains("fr"))
    }

    @Test func everyHelpTextIsUsed() throws {
        let sources = LayeringTests.cliSources
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("Localization/") }
        let text = try files.map { try String(contentsOf: sources.appendingPathComponent($0), encoding: .utf8) }.joined()
        let unused = HelpID.allCases.filter { id in
            ![")", ",", " ", ":", "\n", "]"].contains { text.contains(".\(id.rawValue)\($0)") }
        }
        #expect(unused.isEmpty, "unused help texts: \(unused.map(\.rawValue))")
    }
}
