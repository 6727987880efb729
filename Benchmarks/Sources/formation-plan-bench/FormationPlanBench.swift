import FormationPlanning
import FormationPlanningSamples
import Foundation

/// `formation-plan-bench [--size small|normal|large] [--time-limit S] [--threads N]
///  [--seed N] [--no-greedy] [--tight|--loose] [--seed-solver] [--log] [--instance FILE]`
///
/// Solves a generated battle (BENCHMARKS.md, "Planning a battle") and prints one JSON line: size,
/// solver, seconds, the objective's three figures, proven optimal, gap, the learnings bound, and
/// the number of hard-rule violations `Planner.verify` finds (always 0). `--instance FILE` also
/// writes the instance as JSON.
@main
struct FormationPlanBench {
    static func main() throws {
        var size = SampleBattle.Size.normal
        var options = Planner.Options()
        var timeLimit = 10.0
        var seed: UInt64 = 1
        var instanceFile: String?
        var rest = Array(CommandLine.arguments.dropFirst())[...]
        while let flag = rest.popFirst() {
            switch flag {
            case "--size": size = SampleBattle.Size(rawValue: rest.popFirst() ?? "") ?? size
            case "--time-limit": timeLimit = Double(rest.popFirst() ?? "") ?? timeLimit
            case "--threads": options.threads = Int(rest.popFirst() ?? "") ?? 1
            case "--seed": seed = UInt64(rest.popFirst() ?? "") ?? 1
            case "--no-greedy": options.greedyStart = false
            case "--tight": options.tightRows = true
            case "--loose": options.tightRows = false
            case "--seed-solver": options.seedSolver = true
            case "--shortlist": options.facilitatorShortlist = Int(rest.popFirst() ?? "") ?? 2
            case "--log": options.log = true
            case "--cbc":
                // name=value,name=value: CBC's own parameters, for tuning.
                options.cbcParameters = (rest.popFirst() ?? "").split(separator: ",").map { pair in
                    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    return (parts[0], parts.count > 1 ? parts[1] : "")
                }
            case "--instance": instanceFile = rest.popFirst()
            default:
                FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8))
                exit(64)
            }
        }
        let instance = SampleBattle.instance(size, seed: seed)
        if let instanceFile {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(instance).write(to: URL(fileURLWithPath: instanceFile))
        }
        let plan = Planner.solve(instance, timeLimit: timeLimit, options: options)
        let violations = Planner.verify(plan, instance)
        let line: [String: Any] = [
            "size": size.rawValue, "seed": seed, "threads": options.threads,
            "greedyStart": options.greedyStart, "seconds": (plan.seconds * 100).rounded() / 100,
            "sessions": plan.sessions.count, "learnings": plan.objective.learnings, "learners": plan.objective.learners,
            "firstTimeFacilitators": plan.objective.firstTimeFacilitators, "provenOptimal": plan.provenOptimal,
            "gap": plan.gap.map { ($0 * 10_000).rounded() / 10_000 } ?? -1, "learningsBound": plan.learningsBound ?? -1,
            "people": instance.people.count, "violations": violations.count,
            "issues": plan.issues.map { $0.message.text(.en) },
        ]
        let data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
        for violation in violations.prefix(10) { FileHandle.standardError.write(Data("violation: \(violation)\n".utf8)) }
    }
}
