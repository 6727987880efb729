public import FormationDomain
public import FormationStorage
import FormationXML
import Foundation

/// `formation curriculum diff OLD NEW`: each side is a pack file or the id of a stored curriculum.
public struct CurriculumComparison: Sendable {
    public let store: FormationStore

    public init(store: FormationStore) { self.store = store }

    /// - Throws: `CurriculumFileProblems` when a file side is not a valid pack, `LookupError` for
    ///   an unknown id, `FileFailure` for an unreadable file.
    public func diff(old: String, new: String) throws -> CurriculumDiff {
        CurriculumDiff(old: try load(old), new: try load(new))
    }

    /// A path that exists is read as a file; anything else must be a stored curriculum's id.
    func load(_ side: String) throws -> Curriculum {
        if side == "-" || FileManager.default.fileExists(atPath: side) {
            let input = try InputFile.open(side)
            defer { input.close() }
            do {
                return try CurriculumPackReader().readCurriculum(input.xmlSource).curriculum
            } catch let failure as XMLReadFailure {
                throw CurriculumFileProblems(problems: failure.issues.map {
                    FileProblem(file: input.name, line: $0.line, column: $0.column, message: $0.message)
                })
            }
        }
        let id: Slug
        do { id = try Slug(side) } catch { throw FileFailure.missing(side) }
        guard let curriculum = try store.curriculum(id) else { throw LookupError.notFound(kind: .curriculum, query: side) }
        return curriculum
    }
}

/// Problems in a file that had to be read whole (a diff side).
public struct CurriculumFileProblems: Error, Sendable, Equatable {
    public let problems: [FileProblem]
}
