public import FormationDomain

/// A typed-up paper sign-in sheet: one person per row (name or id), optionally a status.
///
/// `María Pérez` · `María Pérez,attended` · `"Rondón, José",ausente` · blank lines and `#` comments
/// are skipped, and so is a first row of headings (`name`, `nombre`, `persona`, `person`).
public struct SignInSheet: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let line: Int
        public let person: String
        public let status: AttendanceStatus?
    }

    public let rows: [Row]

    /// - Throws: `SheetProblems` listing every bad row (an unknown status, an unclosed quote, an empty name).
    public init(parsing text: String, file: String) throws {
        var rows: [Row] = []
        var problems: [FileProblem] = []
        // Lines and cells are split per Unicode scalar: "\r\n" is one `Character`, and a combining
        // mark after a comma or a quote would hide it from a `Character` comparison.
        for (index, rawLine) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = String(String.UnicodeScalarView(rawLine.last == "\r" ? rawLine.dropLast() : rawLine))
            if line.trimmed.isEmpty || line.trimmed.hasPrefix("#") { continue }
            guard let cells = Self.cells(line) else {
                problems.append(FileProblem(file: file, line: number, column: 1, message: Message(.sheetBadRow, line.echoed)))
                continue
            }
            let person = cells[0].trimmed
            if rows.isEmpty, problems.isEmpty, ["name", "nombre", "persona", "person", "id"].contains(person.lowercased()) { continue }
            guard !person.isEmpty else {
                problems.append(FileProblem(file: file, line: number, column: 1, message: Message(.sheetBadRow, line.echoed)))
                continue
            }
            var status: AttendanceStatus?
            if cells.count > 1, !cells[1].trimmed.isEmpty {
                guard let parsed = Self.status(cells[1].trimmed) else {
                    problems.append(FileProblem(file: file, line: number, column: 1, message: Message(.sheetBadStatus, cells[1].trimmed.echoed)))
                    continue
                }
                status = parsed
            }
            rows.append(Row(line: number, person: person, status: status))
        }
        guard problems.isEmpty else { throw SheetProblems(problems: problems) }
        self.rows = rows
    }

    /// Splits one CSV line; nil for an unclosed quote.
    static func cells(_ line: String) -> [String]? {
        var cells: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { current.unicodeScalars.append(scalar) }
            } else if scalar == "\"" && current.trimmed.isEmpty {
                current = ""
                quoted = true
            } else if scalar == "," || scalar == ";" || scalar == "\t" {
                cells.append(current)
                current = ""
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        if quoted { return nil }
        cells.append(current)
        return cells
    }

    /// English or Spanish words for a status, as people write them on paper.
    static func status(_ text: String) -> AttendanceStatus? {
        switch text.lowercased() {
        case "attended", "present", "yes", "x", "asistió", "asistio", "presente", "sí", "si": .attended
        case "absent", "no", "ausente", "faltó", "falto": .absent
        case "registered", "inscrito", "inscrita", "registrado", "registrada": .registered
        default: nil
        }
    }
}

public struct SheetProblems: Error, Sendable, Equatable {
    public let problems: [FileProblem]
}
