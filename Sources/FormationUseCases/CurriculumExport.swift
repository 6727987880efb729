public import FormationDomain
public import FormationStorage
import FormationXML
import Foundation

/// `formation curriculum export`: the canonical pack of a stored curriculum, streamed from the
/// database to the file workshop by workshop (memory stays flat for large packs).
public struct CurriculumExport: Sendable {
    public let store: FormationStore

    public init(store: FormationStore) { self.store = store }

    /// Writes curriculum `id` to `path` (nil or `-`: standard output) through `Output`: a file
    /// appears whole or not at all; the database, devices and links are treated as `Output` says.
    ///
    /// - Returns: how many workshops were written.
    /// - Throws: `LookupError.notFound`, `OutputFailure`, `FileFailure.unwritable` (exit 73), `StorageError`.
    @discardableResult
    public func run(curriculum id: Slug, to path: String?) throws -> Int {
        guard let header = try store.curriculumHeader(id) else { throw LookupError.notFound(kind: .curriculum, query: id.rawValue) }
        let output = try Output(path: path, protecting: store.path)
        return try output.stream { try write(header, to: $0) }
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
