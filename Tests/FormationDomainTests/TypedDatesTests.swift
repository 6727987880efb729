import Testing
@testable import FormationDomain

/// Dates and times as Venezuelan workers type them (issue 21): day first, `14h`, `09.00`; and when
/// one is refused, the reason.
@Suite struct TypedDatesTests {
    @Test(arguments: ["2026-12-01", "2026-12-1", "1/12/2026", "01/12/2026", "1-12-2026", "1.12.2026", " 1/12/2026 "])
    func theFirstOfDecember(_ text: String) throws {
        #expect(try CivilDate(typed: text) == CivilDate(iso: "2026-12-01"))
    }

    @Test func dayFirstIsNotMonthFirst() throws {
        #expect(try CivilDate(typed: "5/1/2027").description == "2027-01-05")
        #expect(try CivilDate(typed: "2027-1-5").description == "2027-01-05")
    }

    @Test func refusalsSayWhy() throws {
        #expect(throws: DomainError.dayOutOfMonth(date: "2026-02-30", month: 2, year: 2026, days: 28)) { try CivilDate(typed: "2026-02-30") }
        #expect(throws: DomainError.dayOutOfMonth(date: "29/2/2027", month: 2, year: 2027, days: 28)) { try CivilDate(typed: "29/2/2027") }
        #expect(throws: DomainError.monthOutOfRange(date: "12/13/2026", month: 13)) { try CivilDate(typed: "12/13/2026") }
        for bad in ["1/12/26", "2026/12", "2026-12-01-01", "1/12-2026", "mañana", "", "１/12/2026", "20261201", "2026--12-01"] {
            #expect(throws: DomainError.invalidTypedDate(bad)) { try CivilDate(typed: bad) }
        }
        #expect(try CivilDate(typed: "29/2/2028").description == "2028-02-29")
        let february = DomainError.dayOutOfMonth(date: "2026-02-30", month: 2, year: 2026, days: 28).message
        #expect(february.text(.en) == "2026-02-30: February 2026 has 28 days")
        #expect(february.text(.es) == "2026-02-30: febrero de 2026 tiene 28 días")
    }

    @Test(arguments: [("1/12/2026 14:00", 14, 0), ("1/12/2026 14h", 14, 0), ("2026-12-1 9h", 9, 0), ("1/12/2026 9:00", 9, 0),
                      ("1/12/2026 09.00", 9, 0), ("2026-12-01T14:30", 14, 30), ("1/12/2026 9h30", 9, 30), ("1/12/2026 0h", 0, 0)])
    func timesAsTyped(_ text: String, _ hour: Int, _ minute: Int) throws {
        let time = try LocalDateTime(typed: text)
        #expect(time.date.description == "2026-12-01")
        #expect((time.hour, time.minute) == (hour, minute))
    }

    @Test func badTimesAreRefused() throws {
        #expect(throws: DomainError.invalidTime("25h")) { try LocalDateTime(typed: "1/12/2026 25h") }
        #expect(throws: DomainError.invalidTime("10:75")) { try LocalDateTime(typed: "1/12/2026 10:75") }
        for bad in ["1/12/2026", "1/12/2026 14", "1/12/2026 14:", "1/12/2026 14:3", "1/12/2026 2pm", "1/12/2026 14:00:00", "14:00"] {
            #expect(throws: DomainError.invalidDateTime(bad)) { try LocalDateTime(typed: bad) }
        }
        #expect(throws: DomainError.dayOutOfMonth(date: "31/11/2026", month: 11, year: 2026, days: 30)) {
            try LocalDateTime(typed: "31/11/2026 14h")
        }
    }

    @Test func aBattleOfMoreThanAYearSaysSo() throws {
        let id = try EntityID("00000000-0000-4000-8000-000000000001")
        #expect(throws: DomainError.battleTooLong(start: "2026-12-05", end: "2027-12-10", days: 371)) {
            try Battle(id: id, name: "B", plant: id, start: CivilDate(iso: "2026-12-05"), end: CivilDate(iso: "2027-12-10"), timeZone: "UTC")
        }
        let message = DomainError.battleTooLong(start: "2026-12-05", end: "2027-12-10", days: 371).message
        #expect(message.text(.es) == "una batalla del 2026-12-05 al 2027-12-10 duraría 371 días; dura 367 como máximo")
    }
}
