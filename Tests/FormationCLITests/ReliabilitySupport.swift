import Foundation
import Testing

/// Helpers for the reliability tests: the `sqlite3` shell as an independent checker, packs made
/// to measure, processes started in the background, a seeded random generator.

/// The `sqlite3` shell (Debian package `sqlite3`, installed by `.ci/run`): reads the database
/// without going through formation or GRDB.
enum SQLiteShell {
    static let path = "/usr/bin/sqlite3"

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `sql` (several statements allowed) and returns what the shell printed.
    @discardableResult
    static func run(_ database: String, _ sql: String, timeoutMilliseconds: Int = 5000) throws -> String {
        // Its environment is the test run's: a faked clock (issue 14) reaches it too.
        let outcome = try ChildProcess.run(path, arguments: ["-batch", "-cmd", ".timeout \(timeoutMilliseconds)", database, sql],
                                           environment: ProcessInfo.processInfo.environment)
        guard outcome.status == 0, !outcome.signaled else {
            throw Failure(description: "sqlite3 \(sql): " + String(decoding: outcome.stderr, as: UTF8.self))
        }
        return String(decoding: outcome.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func count(_ database: String, _ table: String) throws -> Int {
        Int(try run(database, "SELECT count(*) FROM \(table)")) ?? -1
    }

    /// Every row of every table, as SQL: equal dumps mean equal databases.
    /// A change log entry's id (random) and time differ between
    /// two runs of the same command: they are blanked, the rest of the entry is compared.
    static func dump(_ database: String) throws -> String {
        try run(database, ".dump").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.hasPrefix("INSERT INTO changeLog VALUES("),
                  let range = line.range(of: #"^INSERT INTO changeLog VALUES\(\d+,'[0-9a-f]+','[^']*'"#, options: .regularExpression)
            else { return String(line) }
            let number = line[line.index(range.lowerBound, offsetBy: 29)...].prefix { $0.isNumber }
            return "INSERT INTO changeLog VALUES(\(number),'',''" + line[range.upperBound...]
        }.joined(separator: "\n")
    }

    static func integrityCheck(_ database: String) throws -> String {
        try run(database, "PRAGMA integrity_check")
    }

    static func foreignKeyCheck(_ database: String) throws -> String {
        try run(database, "PRAGMA foreign_key_check")
    }
}

extension CLI {
    /// A new CLI whose database is a copy of this one's (its -wal too, if a process left one).
    func copy() throws -> CLI {
        let other = try CLI()
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: database + suffix) {
            try FileManager.default.copyItem(atPath: database + suffix, toPath: other.database + suffix)
        }
        return other
    }

    /// Starts `formation` with `arguments` (and `--database`) without waiting; output is discarded
    /// unless `output` is given.
    func start(_ arguments: [String], environment: [String: String] = [:], output: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = CLI.insertDatabase(arguments, database)
        var env = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8", "FORMATION_LANG": language]
            .merging(CLI.inheritedEnvironment) { own, _ in own }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = output ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The shipped packs, which need each other (cross-pack prerequisites): imported together.
    static var shippedPacks: [String] {
        ["freehand-drawing", "organising-production", "plant-maintenance"].map {
            repositoryRoot.appendingPathComponent("Curricula/\($0).xml").path
        }
    }

    /// A battle in Caracas (1–5 December 2026) at a new plant, with the shipped packs imported.
    /// Returns the battle's name.
    @discardableResult
    func prepareBattle() throws -> String {
        try expectSuccess(run(arguments: ["import"] + CLI.shippedPacks))
        try expectSuccess(run("plant", "add", "La Gaviota", "--state", "Sucre"))
        try expectSuccess(run("battle", "add", "Batalla de La Gaviota", "--plant", "La Gaviota",
                              "--start", "2026-12-01", "--end", "2026-12-05", "--time-zone", "America/Caracas"))
        return "Batalla de La Gaviota"
    }

    /// The id printed by an `add`.
    func add(_ arguments: String...) throws -> String {
        let result = try run(arguments: arguments)
        try expectSuccess(result)
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func expectSuccess(_ result: Result, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard result.code == 0 else {
            Issue.record("exit \(result.code): \(result.stderr)", sourceLocation: sourceLocation)
            throw CLIError.failed(result.stderr)
        }
    }
}

/// Curriculum packs of any size, following `Curricula/curriculum.xsd`.
enum PackGenerator {
    /// A valid pack `id` with `workshops` workshops, each requiring the one before (so the import
    /// also walks a long prerequisite chain), about 1.2 KB each.
    static func pack(id: String, workshops: Int, maxParticipants: Int = 30) -> String {
        let filler = "Practicamos con piezas reales de la planta, medimos, dibujamos y comparamos el croquis con la pieza. "
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <curriculum xmlns="urn:selfformation:curriculum:1" id="\(id)" version="1">
              <title xml:lang="en">Generated pack</title>
              <title xml:lang="es">Paquete generado</title>
              <council>Consejo de prueba</council>
              <license>CC-BY-SA-4.0</license>

            """
        xml.reserveCapacity(workshops * 1300)
        for index in 0..<workshops {
            xml += """
                  <workshop id="w\(index)" category="technical" minutes="120" minParticipants="1" maxParticipants="\(maxParticipants)">
                    <title xml:lang="en">Workshop \(index)</title>
                    <title xml:lang="es">Taller \(index)</title>
                    <summary xml:lang="es">\(filler)\(filler)</summary>

                """
            if index > 0 {
                xml += "    <prerequisites><requires ref=\"w\(index - 1)\"/></prerequisites>\n"
            }
            xml += """
                    <objectives><objective><text xml:lang="es">\(filler)</text><text xml:lang="en">Practise on real parts.</text></objective></objectives>
                    <outline><activity minutes="30"><title xml:lang="es">Práctica</title><description xml:lang="es">\(filler)\(filler)</description></activity></outline>
                  </workshop>

                """
        }
        return xml + "</curriculum>\n"
    }

    static func write(id: String, workshops: Int, maxParticipants: Int = 30, to url: URL) throws {
        try Data(pack(id: id, workshops: workshops, maxParticipants: maxParticipants).utf8).write(to: url)
    }
}

/// A small seeded generator (SplitMix64): the same "random" cases on every run.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Results gathered from several threads.
final class Collected<Element>: @unchecked Sendable {
    // Safe: every access to `items` holds `lock`.
    private let lock = NSLock()
    private var items: [Element] = []

    func append(_ item: Element) {
        lock.lock()
        defer { lock.unlock() }
        items.append(item)
    }

    var all: [Element] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}

/// Whether tests run as root, where file permissions do not stop reading or writing.
let runningAsRoot = getuid() == 0
