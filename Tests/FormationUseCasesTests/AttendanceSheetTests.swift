import FormationDomain
import Foundation
import Testing
@testable import FormationUseCases

/// Issue 16: sign-in sheets as people really save them load exactly the rows in them.
@Suite struct AttendanceSheetTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/sheets")

    func sheet(_ name: String) throws -> AttendanceSheet {
        try AttendanceSheet(data: Data(contentsOf: Self.fixtures.appendingPathComponent(name)), file: name)
    }

    func rows(_ sheet: AttendanceSheet) -> [String] {
        sheet.rows.map { row in
            "\(row.line) \(row.person) \(row.status?.rawValue ?? "-") \(row.role?.rawValue ?? "-")"
        }
    }

    func problems(_ text: String) -> [String] {
        do {
            _ = try AttendanceSheet(data: Data(text.utf8), file: "s.csv")
            return []
        } catch {
            return error.problems.map { "\($0.line) \($0.message.id.rawValue)" }
        }
    }

    @Test func windowsLineEndsSplitRows() throws {
        let sheet = try sheet("windows-crlf.csv")
        #expect(rows(sheet) == ["2 Omar Quintero attended -", "3 Carmen Useche absent -"])
        #expect(sheet.encoding == .utf8 && sheet.notices.isEmpty)
    }

    @Test func excelUTF8WithByteOrderMarkAndSemicolons() throws {
        let sheet = try sheet("excel-utf8-bom.csv")
        #expect(rows(sheet) == ["2 Omar Quintero attended -", "3 Rondón, José absent -", "4 María Pérez - -"])
    }

    @Test func spanishExcelWindows1252IsDecodedWithANotice() throws {
        let sheet = try sheet("excel-es-windows-1252.csv")
        #expect(rows(sheet) == ["2 María Pérez attended -", "3 Rondón, José absent -", "4 Núñez, Begoña attended -"])
        #expect(sheet.encoding == .windows1252)
        #expect(sheet.notices.map { $0.text(.es) } == ["excel-es-windows-1252.csv: no está en UTF-8; se leyó como Windows-1252, como la guarda Excel en español"])
    }

    @Test func aSheetTypedAsPrintedLoads() throws {
        let sheet = try sheet("typed-as-printed.csv")
        // A signature means attended; no signature, no status (the command's --status decides);
        // the printed blank rows typed with their numbers only are no rows.
        #expect(rows(sheet) == ["2 Ana Rivas attended facilitator", "3 Carmen Useche attended participant",
                                "4 Omar Quintero - participant", "5 Rondón, José attended -"])
    }

    @Test func quotedNamesKeepTheirCommasQuotesAndLineBreaks() throws {
        let sheet = try sheet("quoted-names.csv")
        #expect(rows(sheet) == ["2 Rondón, José attended -", "3 Pérez, María \"Mary\" absent -", "4 Quintero, Omar attended -",
                                "6 Useche, Carmen attended -"])
    }

    @Test func oldMacLineEndsAndHeadingsInAnotherOrder() throws {
        #expect(rows(try sheet("cr-only.csv")) == ["2 Carmen Useche attended -", "3 Omar Quintero absent -"])
    }

    @Test func excelUnicodeTextIsUTF16WithTabs() throws {
        let sheet = try sheet("excel-unicode-text.txt")
        #expect(rows(sheet) == ["2 María Pérez attended -", "3 Omar Quintero - -"])
        #expect(sheet.encoding == .utf16)
    }

    @Test func fiveThousandRowsLoadExactly() throws {
        let sheet = try sheet("five-thousand.csv")
        #expect(sheet.rows.count == 5000)
        #expect(sheet.rows.first == AttendanceSheet.Row(line: 2, person: "Trabajador 0001", status: .attended, role: nil))
        #expect(sheet.rows.last == AttendanceSheet.Row(line: 5001, person: "Trabajador 5000", status: .attended, role: nil))
        #expect(sheet.rows.filter { $0.status == .absent }.count == 1666)
        #expect(Set(sheet.rows.map(\.person)).count == 5000)
    }

    @Test func everyProblemNamesItsLineAllAtOnce() {
        #expect(problems("Nombre;Estado;Rol\nAna;quizás;\n;x;\nBeto;;jefe\nCarla;sí;\n") ==
                ["2 sheetBadStatus", "3 sheetNoName", "4 sheetBadRole"])
        #expect(problems("Ana,presente\n\"Rondón, José,presente\nCarla\n") == ["2 sheetUnclosedQuote"])
        #expect(problems("Ana,presente\u{0}\n") == ["1 sheetControlCharacter"])
        #expect(problems("Nombre,Nombre\nAna\n") == ["1 sheetDuplicateColumn"])
        // Typed as printed but without the heading row: the row numbers would be taken for people.
        #expect(problems("1,Carmen Useche,participante,La Gaviota,x\n") == ["1 sheetHeadingMissing"])
    }

    @Test func separatorIsDetectedOutsideQuotes() {
        #expect(SheetSeparator.detect(in: "\"a,b,c\";x\n") == ";")
        #expect(SheetSeparator.detect(in: "Rondón, José;ausente\n") == ";")
        #expect(SheetSeparator.detect(in: "a\tb,c\n") == "\t")
        #expect(SheetSeparator.detect(in: "\n\nnombre,estado\n") == ",")
        #expect(SheetSeparator.detect(in: "Ana\n") == ",")
    }

    @Test func headingsInEitherLanguageAnyCaseAndAccent() {
        for (cell, column) in [("NOMBRE", SheetColumn.person), ("Participante:", .person), ("Name", .person), ("nº", .number),
                               ("#", .number), ("Asistió", .status), ("ASISTENCIA", .status), ("Firma", .signature),
                               ("Signature", .signature), ("Planta", .plant), ("Rol", .role), ("Role", .role)] {
            #expect(SheetColumn.recognise(cell) == column, "\(cell)")
        }
        #expect(SheetColumn.recognise("Observaciones") == nil)
    }

    @Test func unknownColumnsAreLeftOutWithANotice() throws {
        let sheet = try AttendanceSheet(data: Data("Nombre,Cédula,Estado\nAna,V-123,x\n".utf8), file: "s.csv")
        #expect(sheet.rows == [AttendanceSheet.Row(line: 2, person: "Ana", status: .attended, role: nil)])
        #expect(sheet.notices.count == 1 && sheet.notices[0].text(.en).contains("Cédula"))
    }

    @Test func commentsAndBlankLinesBeforeTheHeading() throws {
        let sheet = try AttendanceSheet(data: Data("# hoja del martes\n\n#,Nombre,Firma\n1,Ana,x\n# fin\n".utf8), file: "s.csv")
        #expect(sheet.rows == [AttendanceSheet.Row(line: 4, person: "Ana", status: .attended, role: nil)])
    }

    @Test func windows1252HighBytes() {
        #expect(SheetEncoding.windows1252(0x80) == "€")
        #expect(SheetEncoding.windows1252(0x93) == "“")
        #expect(SheetEncoding.windows1252(0xF3) == "ó")
        #expect(SheetEncoding.windows1252(0x41) == "A")
    }
}

extension Error {
    var problems: [FileProblem] { (self as? SheetProblems)?.problems ?? [] }
}
