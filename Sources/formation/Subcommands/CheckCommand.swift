import ArgumentParser
import Foundation
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation check`: SQLite's integrity and foreign-key checks and the domain's invariants;
/// prints each problem (exit 65) or "ok".
struct CheckCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "check", abstract: Help.text(.helpCheck))
    }
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let store = try global.openStore(verifySchema: false)  // a damaged schema is reported, not refused
        // On a terminal, one line says which step runs and for how long (integrity_check alone
        // reads the whole file: ~10 s at two million participations).
        let step = CheckStep()
        let started = Date()
        let size = (try? FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int64) ?? nil
        let line = ProgressLine {
            "checking\(size.map { " " + ProgressLine.megabytes($0) } ?? ""): \(step.name), \(ProgressLine.duration(Date().timeIntervalSince(started)))"
        }
        let problems: [IntegrityProblem]
        do {
            problems = try Maintenance(store: store).check { step.name = $0 }
        } catch {
            line?.stop()
            throw error
        }
        line?.stop()
        // Likely duplicates are pointed out, not faults: the database is still sound ("ok", exit 0).
        let notices = problems.filter(\.kind.isNotice), faults = problems.filter { !$0.kind.isNotice }
        switch output.format {
        case .json:
            try JSONOutput.print(CheckJSON(problems: faults, notices: notices))
        case .text:
            let lines = (faults + notices).map { $0.message.text(global.language) } + (faults.isEmpty ? ["ok"] : [])
            try Terminal.output(lines.joined(separator: "\n"))
        }
        if !faults.isEmpty {
            let summary = Message(.checkProblems, String(faults.count), store.path).text(global.language)
            throw CommandFailure(lines: ["formation: error: " + summary], code: ExitCodes.dataError)
        }
    }
}

/// The step `check` is at, written by the check and read by the progress line.
///
/// `@unchecked Sendable`: `current` is read and written under `lock`.
final class CheckStep: @unchecked Sendable {
    private let lock = NSLock()
    private var current = "schema"
    var name: String {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }
}
