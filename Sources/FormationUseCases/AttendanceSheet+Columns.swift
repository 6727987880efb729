public import FormationDomain
internal import Foundation

/// The columns of a sign-in sheet. `session sheet` prints `printed`, in that order; the reader takes
/// any of them in any order, headed by the printed words in either language or by a synonym.
public enum SheetColumn: CaseIterable, Sendable {
    case number, person, role, plant, signature, status

    /// What the printed sheet has, left to right: typed as printed, it loads.
    public static let printed: [SheetColumn] = [.number, .person, .role, .plant, .signature]

    public var heading: MessageID {
        switch self {
        case .number: .sheetNumber
        case .person: .sheetName
        case .role: .sheetRole
        case .plant: .sheetPlant
        case .signature: .sheetSignature
        case .status: .sheetStatus
        }
    }

    /// Other headings people write, folded (lowercase, no accents, no trailing `:`).
    private var synonyms: [String] {
        switch self {
        case .number: ["#", "n", "no", "nro", "num", "numero", "n°", "nº", "number", "item"]
        case .person: ["nombre", "nombres", "nombre y apellido", "nombres y apellidos", "nombre completo", "apellidos y nombres",
                       "participante", "participantes", "persona", "trabajador", "trabajadora", "name", "full name",
                       "participant", "person", "attendee", "id"]
        case .role: ["rol", "role", "funcion"]
        case .plant: ["planta", "plant", "planta de origen", "home plant"]
        case .signature: ["firma", "firmas", "signature", "sign", "signed", "firmo"]
        case .status: ["estado", "asistencia", "asistio", "status", "attendance", "attended"]
        }
    }

    private static let words: [String: SheetColumn] = {
        var words: [String: SheetColumn] = [:]
        for column in allCases {
            for word in column.synonyms + Language.allCases.map({ Catalogue.render(column.heading, [], $0).headingFolded }) {
                words[word] = column
            }
        }
        return words
    }()

    static func recognise(_ cell: String) -> SheetColumn? { words[cell.headingFolded] }

    /// The printed headings in both languages, for messages: `#, Nombre/Name, …`.
    static var readable: String {
        allCases.map { column in
            let names = Language.allCases.map { Catalogue.render(column.heading, [], $0) }
            return Array(Set(names)).sorted().joined(separator: "/")
        }.joined(separator: ", ")
    }
}

extension String {
    /// `Nombre:` → `nombre`, `ASISTIÓ` → `asistio`: how a heading cell is compared.
    var headingFolded: String {
        var text = collapsedWhitespace.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        while let last = text.unicodeScalars.last, [":", ".", "?", "*"].contains(last), text.unicodeScalars.count > 1 {
            text = String(text.unicodeScalars.dropLast())
        }
        return text.collapsedWhitespace
    }
}

/// Which column of a sheet holds what.
struct SheetLayout: Equatable {
    var columns: [SheetColumn: Int]

    /// No heading row: the person, then the status.
    static let headless = SheetLayout(columns: [.person: 0, .status: 1], headless: true)
    let headless: Bool

    init(columns: [SheetColumn: Int], headless: Bool = false) {
        self.columns = columns
        self.headless = headless
    }

    enum Heading: Equatable {
        case heading(SheetLayout, ignored: [String])
        case duplicate(String)
        case notAHeading
    }

    /// A heading row names the person's column, and most of its cells are headings (a row typed
    /// as printed, `1,Carmen Useche,participante,…`, holds a heading word but is no heading); its
    /// other cells are left out.
    static func heading(_ cells: [String]) -> Heading {
        var columns: [SheetColumn: Int] = [:]
        var ignored: [String] = []
        var duplicate: String?
        for (index, cell) in cells.enumerated() {
            let text = cell.collapsedWhitespace
            if text.isEmpty { continue }
            guard let column = SheetColumn.recognise(text) else { ignored.append(text); continue }
            if columns[column] != nil { duplicate = duplicate ?? text }
            columns[column] = columns[column] ?? index
        }
        guard columns[.person] != nil, columns.count >= ignored.count else { return .notAHeading }
        if let duplicate { return .duplicate(duplicate) }
        return .heading(SheetLayout(columns: columns), ignored: ignored)
    }

    enum RowOutcome: Equatable {
        case skip
        case row(AttendanceSheet.Row)
        case problem(Message)
    }

    func row(_ cells: [String], line: Int) -> RowOutcome {
        func cell(_ column: SheetColumn) -> String {
            guard let index = columns[column], index < cells.count else { return "" }
            return cells[index].collapsedWhitespace
        }
        let person = cell(.person), status = cell(.status), signature = cell(.signature), role = cell(.role)
        guard !person.isEmpty else {
            // A printed blank row typed with its number (or plant) only is no row at all.
            return status.isEmpty && signature.isEmpty && role.isEmpty ? .skip : .problem(Message(.sheetNoName))
        }
        if headless, cells.count > 1, person.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
            return .problem(Message(.sheetHeadingMissing, SheetColumn.printed.map { Catalogue.render($0.heading, [], .es) }.joined(separator: ",")))
        }
        var parsedStatus: AttendanceStatus?
        if !status.isEmpty {
            guard let parsed = AttendanceWords.status(status) else { return .problem(Message(.sheetBadStatus, status.echoed)) }
            parsedStatus = parsed
        } else if !signature.isEmpty {
            parsedStatus = AttendanceWords.status(signature) ?? .attended
        }
        var parsedRole: Role?
        if !role.isEmpty {
            guard let parsed = AttendanceWords.role(role) else { return .problem(Message(.sheetBadRole, role.echoed)) }
            parsedRole = parsed
        }
        return .row(AttendanceSheet.Row(line: line, person: person, status: parsedStatus, role: parsedRole))
    }
}

/// English and Spanish words for statuses and roles, as people write them on paper.
public enum AttendanceWords {
    public static func status(_ text: String) -> AttendanceStatus? {
        switch text.headingFolded {
        case "attended", "present", "yes", "x", "asistio", "presente", "si", "vino", "firmo", "✓", "✔": .attended
        case "absent", "no", "ausente", "falto", "no vino", "no asistio": .absent
        case "registered", "inscrito", "inscrita", "registrado", "registrada": .registered
        default: nil
        }
    }

    public static func role(_ text: String) -> Role? {
        switch text.headingFolded {
        case "facilitator", "facilitador", "facilitadora": .facilitator
        case "participant", "participante": .participant
        default: nil
        }
    }
}
