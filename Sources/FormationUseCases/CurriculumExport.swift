public import FormationDomain
public import FormationStorage
import FormationXML
import Foundation

/// `formation curriculum export`: the canonical pack of a stored curriculum, streamed from the
/// database to the file workshop by workshop (memory stays flat for large packs).
public struct CurriculumExport: Sendable {
    public let store: FormationStore

    public init(store: FormationStore) { self.store = store }

    /// Writes curriculum `id` to `path` (nil or `-`: standard output). A file appears whole or not
    /// at all: it is written beside its final name, synced, then renamed over it.
    ///
    /// - Returns: how many workshops were written.
    /// - Throws: `LookupError.notFound`, `FileFailure.unwritable` (exit 73), `StorageError`.
    @discardableResult
    public func run(curriculum id: Slug, to path: String?) throws -> Int {
        guard let header = try store.curriculumHeader(id) else { throw LookupError.notFound(kind: .curriculum, query: id.rawValue) }
        guard let path, path != "-" else {
            return try write(header, to: .fileDescriptor(1, name: "<stdout>"))
        }
        let output = try AtomicOutput(path: path)
        do {
            let count = try write(header, to: .fileDescriptor(output.descriptor, name: path))
            try output.commit()
            return count
        } catch {
            output.abandon()
            if let failure = error as? XMLWriteError { throw FileFailure.unwritable(path, reason: failure.message.text(.en)) }
            throw error
        }
    }

    private func write(_ header: CurriculumHeader, to destination: XMLDestination) throws -> Int {
        let writer = try CurriculumPackWriter(to: destination)
        try writer.begin(header)
        var count = 0
        try store.forEachWorkshop(of: header.id) { workshop in
            try writer.write(workshop)
            count += 1
        }
        try writer.finish()
        return count
    }
}

/// A file written under a temporary name beside its final one, then synced and renamed, so a
/// crash or power cut leaves either the old file or the new one, never half of it.
public final class AtomicOutput {
    public let path: String
    public let descriptor: Int32
    private let temporary: String
    private var done = false

    /// - Throws: `FileFailure.unwritable` when the folder does not exist or is not writable, or
    ///   `path` is a directory.
    public init(path: String) throws {
        var status = stat()
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { throw FileFailure.unwritable(path, reason: "is a directory") }
        let url = URL(fileURLWithPath: path)
        self.path = path
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).part").path
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileFailure.unwritable(path, reason: String(cString: strerror(errno))) }
    }

    public func commit() throws {
        done = true
        let synced = fsync(descriptor) == 0
        let closed = close(descriptor) == 0
        guard synced, closed, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileFailure.unwritable(path, reason: reason)
        }
    }

    public func abandon() {
        guard !done else { return }
        done = true
        close(descriptor)
        unlink(temporary)
    }

    deinit { abandon() }
}
