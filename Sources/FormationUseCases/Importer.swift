import FormationDomain
public import FormationStorage
import FormationXML
import Foundation

/// `formation import` and `formation validate`: curriculum packs and battle records. Every file of
/// one call is read and checked inside one transaction, which is committed only if all of them are
/// clean (DESIGN.md §4).
public struct Importer: Sendable {
    public let store: FormationStore
    /// At most this many problems are reported per file; the rest are summarised in one line.
    public static let problemsPerFile = 20

    public init(store: FormationStore) { self.store = store }

    /// Reads `paths` (`-` is standard input) and imports them together, or checks them only.
    ///
    /// - Parameters:
    ///   - validateOnly: check everything an import checks, then roll back.
    ///   - replace: take a file's copy when the same version differs from the stored one.
    /// - Returns: what happened to each curriculum, and every problem found. Problems mean
    ///   nothing was written.
    /// - Throws: `FileFailure` for a path that is missing or unreadable (before anything is read),
    ///   `StorageError` for the database itself.
    public func run(paths: [String], validateOnly: Bool, replace: Bool, progress: ImportProgress? = nil) throws -> ImportReport {
        let sources = try InputFile.open(all: paths)
        defer { sources.forEach { $0.close() } }
        progress?.start(sources.map { ($0.descriptor, $0.size) })
        return try store.inCurriculumTransaction { transaction in
            var report = ImportReport()
            // Per curriculum read: its file, where its header and each workshop start.
            var places: [Slug: (file: String, header: XMLPosition, workshops: FilePositions)] = [:]
            var incoming = Set<Slug>()
            // Packs first, then records: a record's workshops come from the packs of the same call,
            // whatever order the files were named in (`formation import usb/*.xml`).
            let packsFirst = sources.enumerated().filter { $0.element.kind != .battleRecord }
                + sources.enumerated().filter { $0.element.kind == .battleRecord }
            for (index, source) in packsFirst {
                progress?.reading(index)
                defer { progress?.finished(index) }
                var problems: [FileProblem] = []
                if source.kind == .battleRecord {
                    var consumer = RecordImportConsumer(transaction: transaction.schedule, file: source.name)
                    do {
                        try BattleRecordReader().read(source.xmlSource, into: &consumer)
                    } catch let failure as XMLReadFailure {
                        problems += failure.issues.map {
                            FileProblem(file: source.name, line: $0.line, column: $0.column, message: $0.message)
                        }
                    }
                    try consumer.finish(checking: Scheduling(store: store))
                    problems += consumer.problems
                    if problems.isEmpty, let battle = consumer.battle {
                        var entry = ImportReport.RecordEntry(file: source.name, battle: battle.name, sessionsAdded: consumer.sessionsAdded,
                                                             sessionsKnown: consumer.sessionsKnown, peopleAdded: consumer.peopleAdded)
                        entry.peopleMerged = consumer.mergesApplied
                        entry.possibleDuplicates = consumer.possibleDuplicates.map {
                            Message(.possibleDuplicate, $0.added.name, $0.added.id.short, $0.existingName, $0.existing.short)
                        }
                        report.records.append(entry)
                    }
                    report.problems += Self.capped(problems, file: source.name)
                    continue
                }
                // A later file of the same call may compare its workshops with these: texts are left out
                // only when checking a single file.
                var consumer = CurriculumImportConsumer(transaction: transaction, file: source.name, replace: replace,
                                                        texts: !validateOnly || sources.count > 1)
                do {
                    try CurriculumPackReader().read(source.xmlSource, into: &consumer)
                } catch let failure as XMLReadFailure {
                    problems += failure.issues.map {
                        FileProblem(file: source.name, line: $0.line, column: $0.column, message: $0.message)
                    }
                }
                problems += consumer.problems
                if problems.isEmpty, let header = consumer.header, let outcome = try consumer.finish() {
                    problems += consumer.problems
                    report.entries.append(.init(file: source.name, curriculum: header.id, version: header.version, outcome: outcome,
                                                  workshops: consumer.workshopCount, retired: consumer.retired))
                    places[header.id] = (source.name, consumer.headerPosition, consumer.positions)
                    if consumer.isIncoming { incoming.insert(header.id) }
                }
                report.problems += Self.capped(problems, file: source.name)
            }
            if report.problems.isEmpty {
                for problem in try transaction.prerequisiteProblems(incoming: incoming) {
                    let place = problem.workshop.curriculum.flatMap { places[$0] }
                    let position = place.flatMap { $0.workshops[problem.position] ?? $0.header } ?? XMLPosition(line: 0, column: 0)
                    report.problems.append(FileProblem(file: place?.file ?? "-", line: position.line,
                                                       column: position.column, message: problem.error.message))
                }
            }
            report.committed = !validateOnly && report.problems.isEmpty
            return (report.committed, report)
        }
    }

    static func capped(_ problems: [FileProblem], file: String) -> [FileProblem] {
        guard problems.count > problemsPerFile else { return problems }
        return Array(problems.prefix(problemsPerFile))
            + [FileProblem(file: file, line: 0, column: 0, message: Message(.tooManyErrors, String(problemsPerFile)))]
    }
}

/// A file named on the command line, opened for reading as bytes (never through libxml2's own
/// file loader, which would inflate gzip), and which of our formats it is.
struct InputFile {
    let name: String
    let descriptor: Int32
    let ownsDescriptor: Bool
    /// The first bytes of a stream that cannot be read twice (standard input, a pipe such as
    /// `/dev/stdin` or `<(…)`), read to see its kind; the reader takes them, then the rest of the
    /// stream. Never the whole stream: it is streamed with the same caps as a file.
    var prefix: [UInt8]?
    var kind: InterchangeKind = .curriculumPack

    /// The file's size when it is a regular file (nil for pipes and standard input).
    var size: Int64? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(status.st_size)
    }

    var xmlSource: XMLSource { prefix.map { .prefixed($0, descriptor: descriptor) } ?? .fileDescriptor(descriptor) }

    /// Every path opened, or none: when one fails, those already opened are closed before the error goes up.
    static func open(all paths: [String]) throws -> [InputFile] {
        var opened: [InputFile] = []
        do {
            for path in paths { opened.append(try open(path)) }
        } catch {
            opened.forEach { $0.close() }
            throw error
        }
        return opened
    }

    static func open(_ path: String) throws -> InputFile {
        var input: InputFile
        if path == "-" {
            input = InputFile(name: "<stdin>", descriptor: 0, ownsDescriptor: false)
        } else {
            var status = stat()
            guard stat(path, &status) == 0 else {
                if errno == ENOENT || errno == ENOTDIR { throw FileFailure.missing(path) }
                throw FileFailure.unreadable(path, reason: String(cString: strerror(errno)))
            }
            if (status.st_mode & S_IFMT) == S_IFDIR { throw FileFailure.isDirectory(path) }
            let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw FileFailure.unreadable(path, reason: String(cString: strerror(errno))) }
            input = InputFile(name: path, descriptor: descriptor, ownsDescriptor: true)
        }
        var status = stat()
        if path != "-", fstat(input.descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG {
            input.kind = InterchangeKind.sniff(descriptor: input.descriptor) ?? .curriculumPack
        } else {
            let prefix: [UInt8]
            do {
                prefix = try readPrefix(input.descriptor, upTo: InterchangeKind.sniffBytes, name: input.name)
            } catch {
                input.close()
                throw error
            }
            input.prefix = prefix
            input.kind = InterchangeKind.sniff(prefix) ?? .curriculumPack
        }
        return input
    }

    /// Up to `limit` bytes from the start of `descriptor`, fewer only at its end.
    private static func readPrefix(_ descriptor: Int32, upTo limit: Int, name: String) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: limit)
        var count = 0
        while count < limit {
            let n = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + count, limit - count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileFailure.unreadable(name, reason: String(cString: strerror(errno)))
            }
            count += n
        }
        return Array(buffer[0..<count])
    }

    func close() {
        if ownsDescriptor { _ = Foundation.close(descriptor) }
    }
}

/// How far an import has got, read from another thread to show progress: files done,
/// bytes read (the read offset of the file being read, so nothing in the reading loop changes).
///
/// `@unchecked Sendable`: every stored property is read and written under `lock`.
public final class ImportProgress: @unchecked Sendable {
    public struct Snapshot: Sendable {
        public let files: Int
        public let filesDone: Int
        /// Bytes read so far, and in all (nil when a file's size is unknown: a pipe).
        public let bytesRead: Int64
        public let bytesTotal: Int64?
    }

    private let lock = NSLock()
    private var descriptors: [(descriptor: Int32, size: Int64?)] = []
    private var current: Int?
    private var done = 0
    private var doneBytes: Int64 = 0

    public init() {}

    func start(_ files: [(Int32, Int64?)]) {
        lock.withLock { descriptors = files.map { (descriptor: $0.0, size: $0.1) } }
    }

    func reading(_ index: Int) { lock.withLock { current = index } }

    func finished(_ index: Int) {
        lock.withLock {
            done = index + 1
            current = nil
            doneBytes += descriptors[index].size ?? Int64(max(0, lseek(descriptors[index].descriptor, 0, SEEK_CUR)))
        }
    }

    public var snapshot: Snapshot {
        lock.withLock {
            var read = doneBytes
            if let current, descriptors[current].size != nil {
                read += max(0, min(descriptors[current].size ?? 0, Int64(lseek(descriptors[current].descriptor, 0, SEEK_CUR))))
            }
            let sizes = descriptors.map(\.size)
            let total: Int64? = sizes.contains(where: { $0 == nil }) ? nil : sizes.reduce(0) { $0 + ($1 ?? 0) }
            return Snapshot(files: descriptors.count, filesDone: done, bytesRead: read, bytesTotal: total)
        }
    }
}
