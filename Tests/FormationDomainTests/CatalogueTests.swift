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
        let message = Message(.notFound, arguments: [.message(Message(.kindPerson)), .text("Ana")])
        #expect(message.text(.en) == "no person matches 'Ana'")
        #expect(message.text(.es) == "ningún registro de persona coincide con 'Ana'")
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
