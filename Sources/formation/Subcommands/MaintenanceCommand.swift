import ArgumentParser
import Foundation
import FormationDomain
import FormationUseCases
import FormationViews

/// `formation backup PATH`: a consistent copy of the database, taken while others may write.
struct BackupCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "backup", abstract: Help.text(.helpBackup))
    }
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(Help.text(.helpBackupPath), valueName: "path")) var path: String
    @Flag(help: ArgumentHelp(Help.text(.helpBackupForce))) var force = false

    func run() throws {
        let store = try global.openStore()
        try Maintenance(store: store).backup(to: path, replacing: force)
        Terminal.notice(Message(.backupWritten, store.path, path).text(global.language))
    }
}

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
