import ArgumentParser
import Foundation
import FormationDomain
import FormationUseCases
import FormationViews

/// `check --format json`: `{"ok": Bool, "problems": [{kind, table, id, detail}], "notices": [the same]}`,
/// the same in every language; `ok` is about `problems` only.
struct CheckJSON: Encodable {
    let problems: [IntegrityProblem]
    let notices: [IntegrityProblem]

    private enum Keys: String, CodingKey { case ok, problems, notices }
    private enum ProblemKeys: String, CodingKey { case kind, table, id, detail }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(problems.isEmpty, forKey: .ok)
        for (key, entries) in [(Keys.problems, problems), (.notices, notices)] {
            var list = container.nestedUnkeyedContainer(forKey: key)
            for problem in entries {
                var item = list.nestedContainer(keyedBy: ProblemKeys.self)
                try item.encode(problem.kind.rawValue, forKey: .kind)
                try item.encode(problem.table, forKey: .table)
                try item.encode(problem.id, forKey: .id)
                try item.encode(problem.detail, forKey: .detail)
            }
        }
    }
}
