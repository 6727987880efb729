import FormationStorage
import FormationUseCases
import Foundation

/// `formation-bench latency --database PATH --kind history|report|lineage|lineage-learners [--warmup N] < QUERIES`
///
/// The in-process half of benchmark 4 (BENCHMARKS.md): opens one store, then loads the learning
/// history, battle report or workshop lineage of each query (one per line on standard input: a
/// person or battle id prefix or name, a workshop ref) through the same use case the command
/// calls, timing each call on its own. Rendering (text/JSON) is not included: it lives in the
/// `formation` executable; `Scripts/bench.py` times whole commands separately.
///
/// Prints one JSON document: `{"kind", "calls", "millis": [wall, per call], "cpuMillis": [process CPU,
/// per call], "items", "maxRSSKiB"}`,
/// where `items` sums what each call returned (sessions, workshops, edges), so a call that found
/// nothing shows up, and the optimiser cannot drop the work.
@main
struct FormationBench {
    enum Kind: String {
        case history, report, lineage
        case lineageLearners = "lineage-learners"
    }

    static func main() {
        do {
            try run(Array(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("formation-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(_ arguments: [String]) throws {
        guard arguments.first == "latency" else { throw Usage() }
        var database: String?
        var kind: Kind?
        var warmup = 3
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw Usage() }
            switch flag {
            case "--database": database = value
            case "--kind": kind = Kind(rawValue: value)
            case "--warmup": warmup = Int(value) ?? warmup
            default: throw Usage()
            }
        }
        guard let database, let kind else { throw Usage() }
        var queries: [String] = []
        while let line = readLine() {
            let query = line.trimmingCharacters(in: .whitespaces)
            if !query.isEmpty { queries.append(query) }
        }
        guard !queries.isEmpty else { throw Usage() }

        let store = try FormationStore(path: database)
        for query in queries.prefix(warmup) { _ = try load(kind, query, store) }
        var millis: [Double] = []
        var cpuMillis: [Double] = []
        millis.reserveCapacity(queries.count)
        cpuMillis.reserveCapacity(queries.count)
        var items = 0
        let clock = ContinuousClock()
        for query in queries {
            var found = 0
            let cpuBefore = processCPUMillis()
            let elapsed = try clock.measure { found = try load(kind, query, store) }
            cpuMillis.append(processCPUMillis() - cpuBefore)
            items += found
            millis.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15)
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let document: [String: Any] = [
            "kind": kind.rawValue, "calls": millis.count, "millis": millis, "cpuMillis": cpuMillis, "items": items,
            "maxRSSKiB": usage.ru_maxrss,
        ]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    /// CPU time of the whole process (every thread), in milliseconds: what a call cost whatever
    /// else the machine was doing, where wall time also counts waiting for a core.
    static func processCPUMillis() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
    }

    /// Loads one report; returns how many things it holds.
    static func load(_ kind: Kind, _ query: String, _ store: FormationStore) throws -> Int {
        switch kind {
        case .history:
            let history = try LearningHistory.load(store, person: query)
            return history.attended.count + history.taught.count + history.readyFor.count
        case .report:
            let report = try BattleReport.load(store, battle: query)
            return report.workshops.count + report.held + report.conflicts.count
        case .lineage:
            // The default teaching lineage (what `formation workshop lineage REF` shows): the people
            // who taught, learners counted. `--kind lineage-learners` times `--learners` (every learner named).
            let lineage = try WorkshopLineage.load(store, workshop: query)
            return lineage.lineage.people.count + lineage.lineage.roots.count + lineage.lineage.unlisted.count
        case .lineageLearners:
            let lineage = try WorkshopLineage.load(store, workshop: query, allLearners: true)
            return lineage.lineage.people.count + lineage.lineage.roots.count
        }
    }

    struct Usage: Error, CustomStringConvertible {
        var description: String {
            "usage: formation-bench latency --database PATH --kind history|report|lineage|lineage-learners [--warmup N] < queries"
        }
    }
}
