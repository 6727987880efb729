import Testing
@testable import FormationDomain

@Suite struct SlugTests {
    @Test(arguments: ["freehand-drawing", "a", "iso.sketch-2", "0day"])
    func acceptsWellFormedIDs(_ text: String) throws {
        #expect(try Slug(text).rawValue == text)
    }

    @Test(arguments: ["", "Freehand", "with space", "-lead", ".lead", "ñandú", "a/b", "tab\t", String(repeating: "a", count: 65), "a\u{200B}b"])
    func refusesMalformedIDs(_ text: String) {
        #expect(throws: DomainError.malformedIdentifier(text)) { try Slug(text) }
    }
}

@Suite struct CivilDateTests {
    @Test func parsesAndPrintsISO() throws {
        let date = try CivilDate(iso: "2024-02-29")
        #expect(date.description == "2024-02-29")
        #expect(date.adding(days: 1).description == "2024-03-01")
    }

    @Test(arguments: ["2023-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-01T00:00", "tomorrow", "0000-01-01", "2026-04-31"])
    func refusesImpossibleDates(_ text: String) {
        #expect(throws: DomainError.invalidDate(text)) { try CivilDate(iso: text) }
    }

    @Test func dayArithmeticRoundTrips() throws {
        for days in stride(from: -1000, through: 40000, by: 97) {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(try CivilDate(iso: "1970-01-01").daysSinceEpoch == 0)
    }
}

@Suite struct EntityIDTests {
    @Test func acceptsUUIDsInAnyCase() throws {
        #expect(try EntityID("0A1B2C3D-0000-4000-8000-00000000000F").rawValue == "0a1b2c3d-0000-4000-8000-00000000000f")
    }

    @Test(arguments: ["", "0a1b2c3d", "0a1b2c3d-0000-4000-8000-00000000000g", "0a1b2c3d00004000800000000000000f0000"])
    func refusesOthers(_ text: String) {
        #expect(throws: DomainError.malformedIdentifier(text)) { try EntityID(text) }
    }
}

@Suite struct ProgrammeRuleTests {
    let id = EntityID(trusted: "00000000-0000-4000-8000-000000000001")

    @Test func namesAreTrimmedAndMustNotBeEmpty() throws {
        #expect(try Plant(id: id, name: "  La Gaviota ", state: "Sucre").name == "La Gaviota")
        #expect(throws: DomainError.emptyName(field: "name")) { try Plant(id: id, name: " \n", state: "Sucre") }
        #expect(throws: DomainError.emptyName(field: "state")) { try Plant(id: id, name: "X", state: "") }
    }

    @Test func namesRefuseControlCharacters() throws {
        #expect(throws: DomainError.invalidValue(field: "name", value: "a\u{7}b")) { try Person(id: id, name: "a\u{7}b") }
        #expect(throws: DomainError.invalidValue(field: "name", value: "a\u{202E}b")) { try Person(id: id, name: "a\u{202E}b") }
        // Around the scalars that skip the Unicode lookup: DEL, C1 controls, the soft hyphen, Arabic number signs.
        for refused in ["a\u{7F}b", "a\u{85}b", "a\u{9F}b", "a\u{AD}b", "a\u{600}b", "a\u{FEFF}b", "a\u{E0001}b"] {
            #expect(throws: DomainError.invalidValue(field: "name", value: refused)) { try Person(id: id, name: refused) }
        }
        for accepted in ["José Rondón", "Ñandú Pérez-Núñez", "Ελένη", "Мария", "שרה", "👩‍🔧 Ana"] {
            #expect(try Person(id: id, name: accepted).name == accepted)
        }
    }

    @Test func battleDatesMustBeInOrder() throws {
        let start = try CivilDate(iso: "2026-12-05"), end = try CivilDate(iso: "2026-12-01")
        #expect(throws: DomainError.datesOutOfOrder(start: "2026-12-05", end: "2026-12-01")) {
            try Battle(id: id, name: "B", plant: id, start: start, end: end, timeZone: "UTC")
        }
        let battle = try Battle(id: id, name: "B", plant: id, start: end, end: start, timeZone: "UTC")
        #expect(battle.days == 5)
        #expect(battle.contains(try CivilDate(iso: "2026-12-03")))
        #expect(!battle.contains(try CivilDate(iso: "2026-12-06")))
    }

    @Test func battleOfMoreThanAYearIsATypo() throws {
        #expect(throws: DomainError.battleTooLong(start: "2026-12-01", end: "2027-12-05", days: 370)) {
            try Battle(id: id, name: "B", plant: id, start: CivilDate(iso: "2026-12-01"), end: CivilDate(iso: "2027-12-05"), timeZone: "UTC")
        }
    }

    @Test func sessionsMustEndAfterTheyStart() {
        let ref = WorkshopRef(curriculum: nil, workshop: Slug(trusted: "w"))
        // Said as UTC times, never as seconds since 1970 (issue 15).
        #expect(throws: DomainError.datesOutOfOrder(start: "1970-01-01T00:01:40Z", end: "1970-01-01T00:01:40Z")) {
            try Session(id: id, battle: id, workshop: ref, start: 100, end: 100, place: "Taller")
        }
        #expect(throws: DomainError.sessionTooLong(start: "2026-12-01T00:00:00Z", end: "2026-12-03T00:00:00Z")) {
            try Session(id: id, battle: id, workshop: ref, start: 1_796_083_200, end: 1_796_256_000, place: "Taller")
        }
        #expect(ISOInstant.utc(-1) == "1969-12-31T23:59:59Z")
    }
}
