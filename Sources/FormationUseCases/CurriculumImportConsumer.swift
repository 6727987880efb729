import FormationDomain
import FormationStorage
import FormationXML

/// Receives one pack's header and workshops as the XML reader streams them, and writes them into
/// the import's transaction (or compares them with the stored copy), so memory stays flat.
///
/// Version rules (DESIGN.md §5): a new curriculum or a newer version is written; an older version
/// is skipped; the same version is compared workshop by workshop: identical → unchanged,
/// different → a conflict, unless `replace` is set.
///
/// A newer version more than `CurriculumHeader.maximumVersionStep` ahead is refused
/// unless `replace` is set (a stranger's version 999999 would otherwise lock the pack for good),
/// and with `replace` an older version is taken too: the way back. Workshops the taken copy drops
/// are kept as retired while sessions or prerequisites use them, and deleted otherwise.
struct CurriculumImportConsumer: CurriculumPackConsumer {
    enum Mode {
        case write
        case compare
        case skip(stored: Int)
    }

    let transaction: CurriculumTransaction
    let file: String
    let replace: Bool
    /// Whether workshop texts are written: not when only checking one file, where nothing reads them back.
    let texts: Bool

    private(set) var header: CurriculumHeader?
    private(set) var headerPosition = XMLPosition(line: 0, column: 0)
    private(set) var mode = Mode.write
    private(set) var storedVersion: Int?
    private(set) var problems: [FileProblem] = []
    /// Field changes against the stored copy of the same version (compare mode).
    private(set) var changes: [Message] = []
    private(set) var workshopCount = 0
    /// Where each workshop starts, in file order, so that the graph checks can point back at it:
    /// 8 bytes a workshop rather than a dictionary entry (peak memory of large packs).
    private(set) var positions = FilePositions()
    private var seen = Set<Slug>()
    private var storedHeader: CurriculumHeader?
    /// Writing over a stored version: its workshops that stayed (retired) until this file's replace them.
    private var retained = Set<Slug>()
    /// Comparing with the stored version: its current workshops (a retired one is not part of it).
    private var current = Set<Slug>()
    /// The stored copy's workshops kept as retired once the file is taken.
    private(set) var retired: [Slug] = []
    /// Comparing: each workshop's prerequisites (qualified) and where it starts, so that a version
    /// conflict can also report the file's own graph problems (a prerequisite that leads nowhere,
    /// a cycle) instead of hiding them behind the conflict.
    private var compared: [(ref: WorkshopRef, prerequisites: [WorkshopRef], position: XMLPosition)] = []

    init(transaction: CurriculumTransaction, file: String, replace: Bool, texts: Bool = true) {
        self.transaction = transaction
        self.file = file
        self.replace = replace
        self.texts = texts
    }

    mutating func header(_ header: CurriculumHeader, at position: XMLPosition) throws {
        self.header = header
        headerPosition = position
        storedVersion = try transaction.storedVersion(header.id)
        switch storedVersion {
        case nil:
            mode = .write
        case let stored? where stored < header.version:
            mode = .write
            if header.version - stored > CurriculumHeader.maximumVersionStep && !replace {
                problem(at: position, Message(.versionJump, header.id.rawValue, String(header.version), String(stored),
                                              String(CurriculumHeader.maximumVersionStep)))
                mode = .skip(stored: stored)
            }
        case let stored? where stored > header.version:
            mode = replace ? .write : .skip(stored: stored)
        default:
            mode = .compare
            current = Set(try transaction.storedWorkshopIDs(header.id))
            storedHeader = try transaction.storedHeader(header.id)
            if let storedHeader, storedHeader != header {
                let diff = CurriculumDiff(old: Curriculum(header: storedHeader, workshops: []), new: Curriculum(header: header, workshops: []))
                if !diff.metadata.isEmpty {
                    changes.append(Message(.conflictMetadata, diff.metadata.map(\.field).joined(separator: ", ")))
                }
            }
        }
        if case .write = mode {
            if storedVersion == nil {
                try transaction.replaceHeader(header)
            } else {
                try transaction.updateHeader(header)
                try transaction.retire(in: header.id)
                retained = Set(try transaction.pruneRetired(in: header.id))
            }
        }
        if case .compare = mode, replace { try transaction.updateHeader(header) }
    }

    mutating func workshop(_ workshop: Workshop, at position: XMLPosition) throws {
        try transaction.stopIfInterrupted()
        guard let header else { return }
        guard seen.insert(workshop.id).inserted else {
            problem(at: position, DomainError.duplicateWorkshop(workshop.id.rawValue).message)
            return
        }
        do { try workshop.validate() } catch { problem(at: position, error.message) }
        positions.append(position)
        defer { workshopCount += 1 }
        switch mode {
        case .skip:
            return
        case .write:
            if retained.contains(workshop.id) {
                try transaction.upsert(workshop, in: header.id, position: workshopCount)
            } else {
                try transaction.insert(workshop, in: header.id, position: workshopCount, texts: texts)
            }
        case .compare:
            compared.append((WorkshopRef(curriculum: header.id, workshop: workshop.id),
                             workshop.prerequisites.map { $0.qualified(in: header.id) }, position))
            let stored = current.contains(workshop.id) ? try transaction.storedWorkshop(header.id, workshop.id) : nil
            if let stored {
                if stored != workshop {
                    let diff = CurriculumDiff(old: Curriculum(header: header, workshops: [stored]), new: Curriculum(header: header, workshops: [workshop]))
                    for change in diff.changed {
                        changes.append(Message(.conflictField, change.workshop, change.fields.map(\.field).joined(separator: ", ")))
                    }
                }
            } else {
                changes.append(Message(.conflictAdded, workshop.id.rawValue))
            }
            if replace { try transaction.upsert(workshop, in: header.id, position: workshopCount) }
        }
    }

    /// Whether this file's workshops are (or stay) the stored ones, so the graph checks cover them.
    var isIncoming: Bool {
        if case .skip = mode { return false }
        return header != nil
    }

    /// Called when the file has been read whole: finds stored workshops the file no longer has.
    mutating func finish() throws -> CurriculumOutcome? {
        guard let header else { return nil }
        switch mode {
        case .skip(let stored):
            return .skippedOlder(storedVersion: stored)
        case .write:
            guard let stored = storedVersion else { return .added(workshops: workshopCount) }
            retired = try transaction.pruneRetired(in: header.id)
            return .replaced(oldVersion: stored, workshops: workshopCount)
        case .compare:
            let removed = try transaction.storedWorkshopIDs(header.id).filter { !seen.contains($0) }
            for id in removed { changes.append(Message(.conflictRemoved, id.rawValue)) }
            if replace {
                try transaction.retire(removed, in: header.id)
                retired = try transaction.pruneRetired(in: header.id)
                return changes.isEmpty ? .unchanged : .replacedSameVersion(changes: changes.count)
            }
            if !changes.isEmpty {
                problems.append(FileProblem(file: file, line: headerPosition.line, column: headerPosition.column,
                                            message: Message(.versionConflict, header.id.rawValue, String(header.version)),
                                            details: changes))
                try reportGraphProblems(of: header.id)
            }
            return .unchanged
        }
    }

    /// The file's prerequisites against everything stored but its own stored copy: what importing
    /// it with `--replace` would run into.
    private mutating func reportGraphProblems(of curriculum: Slug) throws {
        var graph = try transaction.prerequisiteGraph().filter { $0.key.curriculum != curriculum }
        for entry in compared { graph[entry.ref] = entry.prerequisites }
        let places = Dictionary(compared.map { ($0.ref, $0.position) }, uniquingKeysWith: { first, _ in first })
        for (ref, error) in CurriculumRules.graphProblems(in: graph, incoming: compared.map(\.ref)) {
            problem(at: places[ref] ?? headerPosition, error.message)
        }
    }

    private mutating func problem(at position: XMLPosition, _ message: Message) {
        problems.append(FileProblem(file: file, line: position.line, column: position.column, message: message))
    }
}

/// The start of each workshop of one file, in file order, packed as line and column.
struct FilePositions {
    private var packed: [UInt64] = []

    mutating func append(_ position: XMLPosition) {
        packed.append(UInt64(UInt32(clamping: position.line)) << 32 | UInt64(UInt32(clamping: position.column)))
    }

    subscript(order: Int) -> XMLPosition? {
        guard packed.indices.contains(order) else { return nil }
        return XMLPosition(line: Int(packed[order] >> 32), column: Int(packed[order] & 0xFFFF_FFFF))
    }
}
