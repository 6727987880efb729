import Foundation
import Testing
@testable import FormationDomain

@Suite struct CatalogueTests {
    @Test(arguments: MessageID.allCases)
    func everyMessageExistsInBothLanguagesWithTheSamePlaceholders(_ id: MessageID) throws {
        let english = try #require(Catalogue.english[id], "\(id) has no English text")
        let spanish = try #require(Catalogue.spanish[id], "\(id) has no Spanish text")
        #expect(Catalogue.placeholders(in: english) == Catalogue.placeholders(in: spanish), "\(id)")
        #expect(!english.isEmpty && !spanish.isEmpty)
    }

    @Test func catalogueHoldsNoStaleEntries() {
        #expect(Catalogue.english.count == MessageID.allCases.count)
        #expect(Catalogue.spanish.count == MessageID.allCases.count)
    }

    @Test func rendersArgumentsAndNestedMessages() {
        let message = Message(.notFound, arguments: [.message(Message(.noPerson)), .text("Ana")])
        #expect(message.text(.en) == "no person matches 'Ana'")
        #expect(message.text(.es) == "ninguna persona coincide con 'Ana'")
    }

    @Test func languageComesFromFlagThenEnvironmentThenLocale() {
        #expect(Language.resolve(flag: "es", environment: ["FORMATION_LANG": "en"]) == .es)
        #expect(Language.resolve(flag: nil, environment: ["FORMATION_LANG": "es", "LANG": "en_US.UTF-8"]) == .es)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "es_VE.UTF-8"]) == .es)
        #expect(Language.resolve(flag: nil, environment: ["LC_ALL": "C", "LANG": "es_VE.UTF-8"]) == .en)
        #expect(Language.resolve(flag: nil, environment: ["LC_MESSAGES": "es_ES", "LANG": "en_GB"]) == .es)
        #expect(Language.resolve(flag: nil, environment: [:]) == .en)
    }
}

/// Issue 6: a message that nothing uses is dead text translators keep paying for.
@Suite struct CatalogueUsageTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    static func swiftSources() throws -> String {
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var text = ""
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            // The catalogue itself names every id; usage must come from elsewhere.
            if url.lastPathComponent.hasPrefix("Catalogue") || url.lastPathComponent == "MessageID.swift" { continue }
            text += try String(contentsOf: url, encoding: .utf8)
        }
        return text
    }

    @Test func everyMessageIsUsedSomewhere() throws {
        let text = try Self.swiftSources()
        let unused = MessageID.allCases.filter { id in
            !text.contains(".\(id.rawValue))") && !text.contains(".\(id.rawValue),") && !text.contains(".\(id.rawValue) ")
                && !text.contains(".\(id.rawValue):") && !text.contains(".\(id.rawValue)\n") && !text.contains(".\(id.rawValue)]")
        }
        #expect(unused.isEmpty, "unused messages: \(unused.map(\.rawValue))")
    }
}
