public import FormationDomain
public import Foundation
internal import CSV

/// A paper sign-in sheet typed back in as CSV: one person per row, by name or the start of their id.
///
/// The file is read as people save it: UTF-8 with or without a byte-order mark, UTF-16 with one
/// (Excel's "Unicode text"), anything else as Windows-1252 (what Spanish Excel writes), with a
/// notice; `,`, `;` or tab between cells; LF, CRLF or CR line ends; quoted cells holding separators
/// and line breaks. A first row of headings (`#,Nombre,Rol,Planta,Firma` as printed by
/// `session sheet`, or `Participante;Asistencia`…) says which column is which, in any order;
/// without one, the first column is the person and the second the status.
///
/// Not an error: blank lines, rows whose only cell is the printed row number, `#` comment lines,
/// columns with headings the reader does not know (a notice says they were left out).
public struct AttendanceSheet: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// The line of the file the row starts on (a quoted cell may span several).
        public let line: Int
        public let person: String
        /// From the status column, or from the signature column (any signature means attended).
        public let status: AttendanceStatus?
        /// From the role column, for people new to the session; nil when the sheet does not say.
        public let role: Role?
    }

    public let rows: [Row]
    public let encoding: SheetEncoding
    /// What the reader chose on its own (the encoding when it was not UTF-8, columns it left out).
    public let notices: [Message]

    /// - Throws: `SheetProblems` listing every bad row at once, each with its line.
    public init(data: Data, file: String) throws(SheetProblems) {
        let (text, encoding) = SheetEncoding.decode(data)
        var notices: [Message] = []
        if encoding != .utf8 { notices.append(Message(.sheetEncodingGuessed, file, encoding.name)) }
        let records = Self.records(text)
        var problems: [FileProblem] = []
        func problem(_ line: Int, _ message: Message) {
            problems.append(FileProblem(file: file, line: line, column: 1, message: message))
        }
        if let open = records.unclosedQuoteLine { problem(open, Message(.sheetUnclosedQuote)) }
        var layout = SheetLayout.headless
        var rows: [Row] = []
        var headingAllowed = true  // until the first row that is neither blank nor a comment
        for record in records.list {
            if record.cells.allSatisfy({ $0.isBlankCell }) { continue }
            if headingAllowed {
                switch SheetLayout.heading(record.cells) {
                case .heading(let found, let ignored):
                    layout = found
                    headingAllowed = false
                    if !ignored.isEmpty {
                        notices.append(Message(.sheetColumnsIgnored, file, ignored.map(\.echoed).joined(separator: ", "), SheetColumn.readable))
                    }
                    continue
                case .duplicate(let heading):
                    problem(record.line, Message(.sheetDuplicateColumn, heading.echoed))
                    headingAllowed = false
                    continue
                case .notAHeading:
                    break
                }
            }
            if record.cells[0].collapsedWhitespace.unicodeScalars.first == "#" { continue }  // a comment line
            headingAllowed = false
            if let control = record.cells.first(where: \.hasControlCharacter) {
                problem(record.line, Message(.sheetControlCharacter, TerminalText.neutralised(control).echoed))
                continue
            }
            switch layout.row(record.cells, line: record.line) {
            case .skip: continue
            case .row(let row): rows.append(row)
            case .problem(let message): problem(record.line, message)
            }
        }
        guard problems.isEmpty else { throw SheetProblems(problems: problems.sorted { $0.line < $1.line }, rows: rows, notices: notices) }
        self.rows = rows
        self.encoding = encoding
        self.notices = notices
    }

    /// The records of `text` with the line each starts on, split by the CSV library.
    static func records(_ text: String) -> (list: [(line: Int, cells: [String])], unclosedQuoteLine: Int?) {
        let separator = SheetSeparator.detect(in: text)
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false, trimFields: true, delimiter: separator) else {
            return ([], nil)
        }
        var list: [(line: Int, cells: [String])] = []
        var line = 1
        while let cells = reader.next() {
            list.append((line, cells))
            line += 1 + cells.reduce(0) { $0 + $1.lineBreaks }
        }
        // The library reads an unclosed quote to the end of the file as one cell: an odd number of
        // quotes is the sign of it, and the last record is the one that swallowed the rest.
        let quotes = text.unicodeScalars.reduce(0) { $0 + ($1 == "\"" ? 1 : 0) }
        return (list, quotes % 2 == 1 ? list.last?.line ?? 1 : nil)
    }
}

public struct SheetProblems: Error, Sendable, Equatable {
    public let problems: [FileProblem]
    /// The rows that could be read, so that their names can be checked too: every problem at once.
    public let rows: [AttendanceSheet.Row]
    public let notices: [Message]
}

/// How the bytes of a typed sheet were read.
public enum SheetEncoding: String, Sendable, Equatable {
    case utf8, utf16, windows1252

    var name: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16: "UTF-16"
        case .windows1252: "Windows-1252"
        }
    }

    /// Byte-order marks first, then UTF-8; what is not valid UTF-8 is Windows-1252, which gives
    /// every byte a character, so a sheet always decodes.
    static func decode(_ data: Data) -> (String, SheetEncoding) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]), let text = String(validating: bytes.dropFirst(3), as: UTF8.self) {
            return (text, .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]), let text = String(data: data, encoding: .utf16) {
            return (text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text, .utf16)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: bytes.lazy.map(windows1252))
        return (String(scalars), .windows1252)
    }

    /// Windows-1252: Latin-1 but for 0x80–0x9F, which hold `€`, `‘`, `’`, `“`, `”`, `–`, `—`, `Š`, `Ž`…;
    /// its five unassigned bytes stay C1 controls (and are reported as such).
    static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let high: [UInt32] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
                              0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                              0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        return Unicode.Scalar(high[Int(byte - 0x80)]) ?? Unicode.Scalar(byte)
    }
}

/// The separator of a sheet: the most frequent of tab, `;` and `,` outside quotes on its first line
/// that has any (a tie goes to tab, then `;`: a `;` file often has commas in its names); `,` when
/// no line has any.
enum SheetSeparator {
    static let candidates: [Unicode.Scalar] = ["\t", ";", ","]

    static func detect(in text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [:]
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle(); continue }
            if quoted { continue }
            if scalar == "\n" || scalar == "\r" {
                if !counts.isEmpty { break }
                continue
            }
            if candidates.contains(scalar) { counts[scalar, default: 0] += 1 }
        }
        let most = counts.values.max() ?? 0
        return most == 0 ? "," : candidates.first { counts[$0] == most } ?? ","
    }
}

extension String {
    /// CR, LF and CRLF each count once, as the CSV reader ends records.
    var lineBreaks: Int {
        var count = 0
        var previous: Unicode.Scalar = " "
        for scalar in unicodeScalars {
            if scalar == "\n" && previous != "\r" || scalar == "\r" { count += 1 }
            previous = scalar
        }
        return count
    }

    var isBlankCell: Bool { unicodeScalars.allSatisfy { CharacterSet.whitespacesAndNewlines.contains($0) } }

    /// Runs of spaces, tabs and line breaks (a name typed on two lines of a quoted cell) become one space.
    var collapsedWhitespace: String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if CharacterSet.whitespacesAndNewlines.contains(scalar) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    var hasControlCharacter: Bool {
        unicodeScalars.contains { $0.properties.generalCategory == .control && !["\t", "\n", "\r"].contains($0) }
    }
}
