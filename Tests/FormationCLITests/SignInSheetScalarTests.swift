import FormationUseCases
import Testing

/// The sign-in sheet reader splits lines and cells per Unicode scalar (STYLE.md traps): "\r\n" is
/// one `Character`, and a combining mark glues onto the comma or quote before it.
@Suite struct SignInSheetScalarTests {
    @Test func crlfLinesAreSplit() throws {
        let sheet = try SignInSheet(parsing: "nombre,estado\r\nMaría Pérez,asistió\r\nJosé Rondón,ausente\r\n", file: "hoja.csv")
        #expect(sheet.rows.map(\.person) == ["María Pérez", "José Rondón"])
        #expect(sheet.rows.map(\.status) == [.attended, .absent])
        #expect(sheet.rows.map(\.line) == [2, 3])
    }

    @Test func aCombiningMarkAfterACommaOrQuoteDoesNotHideIt() throws {
        let sheet = try SignInSheet(parsing: "\"Rondo\u{0301}n, Jose\u{0301}\",x\n", file: "hoja.csv")
        #expect(sheet.rows.first?.person == "Rondo\u{0301}n, Jose\u{0301}")
        #expect(sheet.rows.first?.status == .attended)
        // A mark at the start of a cell is the cell's, not the comma's: an unknown status, said so.
        #expect(throws: SheetProblems.self) { try SignInSheet(parsing: "Ana,\u{0301}presente\n", file: "hoja.csv") }
    }
}
