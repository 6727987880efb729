public import FormationDomain
public import FormationStorage
import FormationXML
import Foundation

/// `formation import` and `formation validate`: every file of one call is read and checked inside
/// one transaction, which is committed only if all of them are clean (DESIGN.md §4).
public struct CurriculumImport: Sendable {
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
    public func run(paths: [String], validateOnly: Bool, replace: Bool) throws -> ImportReport {
        let sources = try paths.map(InputFile.open)
        defer { sources.forEach { $0.close() } }
        return try store.inCurriculumTransaction { transaction in
            var report = ImportReport()
            var positions: [WorkshopRef: (file: String, position: XMLPosition)] = [:]
            var incoming: [WorkshopRef] = []
            var headers: [Slug: (file: String, position: XMLPosition)] = [:]
            for source in sources {
                var consumer = CurriculumImportConsumer(transaction: transaction, file: source.name, replace: replace)
                var problems: [FileProblem] = []
                do {
                    try CurriculumPackReader.read(from: source.descriptor, consumer: &consumer)
                } catch let failure as XMLReadFailure {
                    problems += failure.issues.map {
                        FileProblem(file: source.name, line: $0.line, column: $0.column, message: $0.message)
                    }
                }
                problems += consumer.problems
                if problems.isEmpty, let header = consumer.header, let outcome = try consumer.finish() {
                    problems += consumer.problems
                    report.entries.append(.init(file: source.name, curriculum: header.id, version: header.version, outcome: outcome,
                                                  workshops: consumer.workshopCount))
                    headers[header.id] = (source.name, consumer.headerPosition)
                    for (ref, position) in consumer.positions { positions[ref] = (source.name, position) }
                    incoming += consumer.incoming
                }
                report.problems += Self.capped(problems, file: source.name)
            }
            if report.problems.isEmpty {
                let graph = try transaction.prerequisiteGraph()
                for (ref, error) in CurriculumRules.graphProblems(in: graph, incoming: incoming) {
                    let place = positions[ref] ?? ref.curriculum.flatMap { headers[$0] } ?? ("-", XMLPosition(line: 0, column: 0))
                    report.problems.append(FileProblem(file: place.file, line: place.position.line,
                                                       column: place.position.column, message: error.message))
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
/// file loader, which would inflate gzip).
struct InputFile {
    let name: String
    let descriptor: Int32
    let ownsDescriptor: Bool

    static func open(_ path: String) throws -> InputFile {
        if path == "-" { return InputFile(name: "<stdin>", descriptor: 0, ownsDescriptor: false) }
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw FileFailure.missing(path) }
            throw FileFailure.unreadable(path, reason: String(cString: strerror(errno)))
        }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw FileFailure.isDirectory(path) }
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileFailure.unreadable(path, reason: String(cString: strerror(errno))) }
        return InputFile(name: path, descriptor: descriptor, ownsDescriptor: true)
    }

    func close() {
        if ownsDescriptor { _ = Foundation.close(descriptor) }
    }
}
