public import FormationDomain
public import FormationStorage
import Foundation

/// One thing `formation check` found wrong with the database.
public struct IntegrityProblem: Sendable, Equatable {
    /// A stable machine name, for JSON.
    public enum Kind: String, Sendable, CaseIterable {
        /// `PRAGMA integrity_check`: the file itself is damaged.
        case integrity
        /// `PRAGMA foreign_key_check`: a row refers to a missing row.
        case foreignKey
        case participationWithoutSession
        case sessionWithoutWorkshop
        /// A session that does not fall within its battle's days, in the battle's time zone.
        case sessionOutsideBattle
        /// A session or shift that does not end after it starts.
        case timesOutOfOrder
        /// A battle whose time zone this machine does not know (its sessions cannot be checked).
        case unknownTimeZone
        /// A workshop requires one that is not stored (in its own curriculum or another).
        case danglingPrerequisite
        /// A table, column or index that differs from what this version's migrations create.
        case schema
        /// A stored value of the wrong type or outside its range: a time not between 1900 and
        /// 2200, battle dates that are not dates or not in order.
        case invalidValue
        /// An entry of the change log whose changeset does not parse (or is missing without a reason).
        case changeLog
        /// Two people who are probably one (`LikelyDuplicates`): a notice, not a fault of the database.
        case likelyDuplicate

        /// Whether it is only pointed out: `check` still says the database is sound.
        public var isNotice: Bool { self == .likelyDuplicate }
    }

    public let kind: Kind
    /// The table the problem is in; nil for damage to the file itself.
    public let table: String?
    /// The row's id, when it has one.
    public let id: String?
    /// What is wrong, the same in every language (SQLite's text, a reference, times).
    public let detail: String
    /// The same, for a person to read.
    public let message: Message
}

/// `formation backup` refused to write.
public enum BackupRefused: Error, Sendable, Equatable, LocalizedFailure {
    /// The file exists and `--force` was not given.
    case exists(String)
    /// The file is the database being copied.
    case isDatabase(String)
    /// The file is a database in use elsewhere: its write-ahead log is beside it, and would be
    /// replayed onto the backup.
    case liveDatabase(String)

    public var message: Message {
        switch self {
        case .exists(let path): Message(.backupExists, path)
        case .isDatabase(let path): Message(.backupIsDatabase, path)
        case .liveDatabase(let path): Message(.backupLiveDatabase, path)
        }
    }
}

/// Keeping the database safe: online backups and integrity checks.
public struct Maintenance: Sendable {
    public let store: FormationStore

    public init(store: FormationStore) { self.store = store }

    // MARK: Check

    /// SQLite's own checks, then the domain's invariants: every participation has its session,
    /// every session its workshop, every session and shift ends after it starts, and every session
    /// falls within its battle's days in the battle's time zone.
    ///
    /// - Returns: every problem found, empty when the database is sound.
    /// - Throws: `StorageError` when the file cannot be read at all.
    /// - Parameter phase: told each step's name as it starts (`FormationStore.audit`).
    public func check(phase: (String) -> Void = { _ in }) throws -> [IntegrityProblem] {
        // Sessions plainly within their battle's days, and sound shifts, are told apart in SQL; the
        // window is narrowed by three hours at each end so that daylight-saving jumps never let a
        // wrong one through (the few near the edges are judged one by one below, as before).
        var clocks: [String: LocalClock] = [:]
        let audit = try store.audit(plausible: Self.plausibleTimes) { start, end, zone in
            guard let first = try? CivilDate(iso: start), let last = try? CivilDate(iso: end), first <= last else { return nil }
            if clocks[zone] == nil { clocks[zone] = try? LocalClock(timeZone: zone) }
            guard let clock = clocks[zone], let from = try? LocalDateTime(date: first, hour: 0, minute: 0),
                  let to = try? LocalDateTime(date: last, hour: 23, minute: 59) else { return nil }
            let margin: Int64 = 3 * 3600
            let window = (from: clock.instant(from) + margin, to: clock.instant(to) + 60 - margin)
            return Self.plausibleTimes.contains(window.from) && Self.plausibleTimes.contains(window.to) && window.from < window.to ? window : nil
        } phase: { phase($0) }
        var problems: [IntegrityProblem] = []
        for difference in audit.schema {
            problems.append(IntegrityProblem(kind: .schema, table: difference.table, id: nil, detail: difference.detail,
                                             message: Message(.problemSchema, difference.detail)))
        }
        for line in audit.integrity {
            problems.append(IntegrityProblem(kind: .integrity, table: nil, id: nil, detail: line,
                                             message: Message(.problemIntegrity, line)))
        }
        if !audit.schema.contains(where: { $0.table == "changeLog" }) {
            for (number, detail) in try store.damagedChangeEntries() {
                problems.append(IntegrityProblem(kind: .changeLog, table: "changeLog", id: String(number), detail: detail,
                                                 message: Message(.problemChangeLog, String(number), detail)))
            }
        }
        for violation in audit.foreignKeys {
            problems.append(IntegrityProblem(
                kind: .foreignKey, table: violation.table, id: violation.row, detail: violation.parent,
                message: Message(.problemForeignKey, violation.table, violation.row ?? "?", violation.parent)))
        }
        for orphan in audit.orphanParticipations {
            problems.append(IntegrityProblem(
                kind: .participationWithoutSession, table: "participation", id: "\(orphan.session)/\(orphan.person)",
                detail: orphan.session, message: Message(.problemParticipationWithoutSession, orphan.session, orphan.person)))
        }
        for session in audit.sessionsWithoutWorkshop {
            problems.append(IntegrityProblem(
                kind: .sessionWithoutWorkshop, table: "session", id: session.session, detail: session.workshop,
                message: Message(.problemSessionWithoutWorkshop, session.session, session.workshop)))
        }
        for dangling in audit.danglingPrerequisites {
            problems.append(IntegrityProblem(
                kind: .danglingPrerequisite, table: "prerequisite", id: dangling.workshop, detail: dangling.required,
                message: Message(.problemDanglingPrerequisite, dangling.workshop, dangling.required)))
        }
        for battle in audit.battles {
            let start = battle.start.flatMap { try? CivilDate(iso: $0) }, end = battle.end.flatMap { try? CivilDate(iso: $0) }
            if start == nil || end == nil || start! > end! {
                let shown = (battle.start ?? "?", battle.end ?? "?")
                problems.append(IntegrityProblem(kind: .invalidValue, table: "battle", id: battle.id, detail: "\(shown.0) \(shown.1)",
                                                 message: Message(.problemBattleDates, battle.id, shown.0, shown.1)))
            }
        }
        for shift in audit.shifts {
            guard let (start, end) = Self.validTimes(shift, table: "shift", into: &problems) else { continue }
            if start >= end { problems.append(Self.timesOutOfOrder(shift, table: "shift", message: .problemShiftTimes)) }
        }
        for session in audit.sessions {
            guard let (start, end) = Self.validTimes(session, table: "session", into: &problems) else { continue }
            if start >= end {
                problems.append(Self.timesOutOfOrder(session, table: "session", message: .problemSessionTimes))
                continue
            }
            // A session without its battle is a foreign-key problem, reported above.
            guard let zone = session.timeZone, let first = session.battleStart.flatMap({ try? CivilDate(iso: $0) }),
                  let last = session.battleEnd.flatMap({ try? CivilDate(iso: $0) }) else { continue }
            guard let clock = try? LocalClock(timeZone: zone) else {
                problems.append(IntegrityProblem(kind: .unknownTimeZone, table: "session", id: session.id, detail: zone,
                                                 message: Message(.problemUnknownTimeZone, session.id, zone)))
                continue
            }
            let from = clock.local(start).date, to = clock.local(end - 1).date
            if from < first || to > last {
                let when = clock.label(start: start, end: end)
                problems.append(IntegrityProblem(
                    kind: .sessionOutsideBattle, table: "session", id: session.id, detail: "\(when) [\(first), \(last)]",
                    message: Message(.problemSessionOutsideBattle, session.id, when, first.description, last.description)))
            }
        }
        if !audit.schema.contains(where: { $0.table == "person" || $0.table == "participation" }) {
            phase("likely duplicates")
            problems += try likelyDuplicates()
        }
        return problems
    }

    /// People who are probably one person entered twice, each pair with the merge that would join them.
    func likelyDuplicates() throws -> [IntegrityProblem] {
        try store.reading { tx in
            let people = try tx.everyPersonName().map { (id: $0.0, name: $0.1, plant: $0.2) }
            return try LikelyDuplicates.pairs(people, participations: tx.participationCount).map { pair in
                IntegrityProblem(kind: .likelyDuplicate, table: "person", id: pair.drop.id.rawValue, detail: pair.keep.id.rawValue,
                                 message: Message(.possibleDuplicate, pair.drop.name, pair.drop.id.short, pair.keep.name, pair.keep.id.short))
            }
        }
    }

    /// Stored times from 1900 up to 2200 (seconds since 1970): anything else is damage, and no
    /// calendar is asked about it.
    static let plausibleTimes: Range<Int64> = -2_208_988_800..<7_258_118_400

    /// A span's times when both are integers in `plausibleTimes`; otherwise nil, and the problem recorded.
    private static func validTimes(_ span: StoreAudit.Span, table: String, into problems: inout [IntegrityProblem]) -> (Int64, Int64)? {
        if let start = span.start, let end = span.end, plausibleTimes.contains(start), plausibleTimes.contains(end) { return (start, end) }
        let detail = "\(span.start.map(String.init) ?? "?") → \(span.end.map(String.init) ?? "?")"
        problems.append(IntegrityProblem(kind: .invalidValue, table: table, id: span.id, detail: detail,
                                         message: Message(.problemTimeOutOfRange, table, span.id, detail)))
        return nil
    }

    /// `detail` keeps the stored seconds; the message says the times on the battle's clock when it can.
    private static func timesOutOfOrder(_ span: StoreAudit.Span, table: String, message: MessageID) -> IntegrityProblem {
        let start = span.start ?? 0, end = span.end ?? 0
        let detail = "\(start) >= \(end)"
        let shown = span.timeZone.flatMap { try? LocalClock(timeZone: $0) }.map { "\($0.local(start)) → \($0.local(end))" }
        return IntegrityProblem(kind: .timesOutOfOrder, table: table, id: span.id, detail: detail,
                                message: Message(message, span.id, shown ?? detail))
    }

    // MARK: Backup

    /// Writes a consistent copy of the database to `path` with SQLite's online backup, while other
    /// processes may go on writing. The copy is written under a temporary name beside `path`,
    /// synced, then renamed: `path` holds the old file or the whole new copy, never half of one.
    ///
    /// - Parameter replacing: replace `path` if it exists (`--force`).
    /// - Throws: `BackupRefused` when `path` exists (without `replacing`), is the database itself, or
    ///   is a database in use (a `-wal` file beside it);
    ///   `FileFailure.unwritable` when its folder is missing or not writable, it is a folder, or the
    ///   copy could not be written (a full disk);
    ///   `StorageError` for the database.
    public func backup(to path: String, replacing: Bool) throws {
        var status = stat()
        // The files SQLite keeps beside the database (its -wal holds committed changes): never
        // replaced, even with --force, as no output may replace them.
        let exists = stat(path, &status) == 0
        do {
            try Output.refuseDatabase(Output.followLinks(path), exists: exists ? status : nil, database: store.path, typed: path)
        } catch {
            throw BackupRefused.isDatabase(path)
        }
        if exists {
            if (status.st_mode & S_IFMT) == S_IFDIR { throw FileFailure.unwritable(path, reason: "is a directory") }
            var database = stat()
            if stat(store.path, &database) == 0, database.st_dev == status.st_dev, database.st_ino == status.st_ino {
                throw BackupRefused.isDatabase(path)
            }
            if !replacing { throw BackupRefused.exists(path) }
            if stat(path + "-wal", &status) == 0 { throw BackupRefused.liveDatabase(path) }
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).part").path
        // Creating the file ourselves tells a folder that cannot be written to (exit 73) from a
        // database problem; SQLite then writes the copy into this empty file.
        unlink(temporary)
        let probe = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard probe >= 0 else { throw FileFailure.unwritable(path, reason: String(cString: strerror(errno))) }
        close(probe)
        do {
            do {
                try store.backup(toNewFile: temporary)
            } catch StorageError.other(let reason) {
                // Not the database's fault (busy, damaged: other cases): writing the copy failed.
                throw FileFailure.unwritable(path, reason: reason)
            }
            try Self.sync(temporary, path: path)
            guard rename(temporary, path) == 0 else { throw FileFailure.unwritable(path, reason: String(cString: strerror(errno))) }
        } catch {
            unlink(temporary)
            unlink(temporary + "-journal")
            throw error
        }
        // The rename itself survives a power cut only once the folder is synced.
        try? Self.sync(folder, path: path)
    }

    private static func sync(_ file: String, path: String) throws {
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileFailure.unwritable(path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw FileFailure.unwritable(path, reason: String(cString: strerror(errno))) }
    }
}
