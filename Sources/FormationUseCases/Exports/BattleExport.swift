public import FormationDomain
public import FormationStorage
import FormationXML
import Foundation

/// `formation battle export B --as schedule|ical`: a battle's timetable for tools no one here
/// wrote (conference schedule apps, calendars).
public struct BattleExport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        /// frab/pretalx schedule.xml (`../shared/schemas/schedule.xml.xsd`).
        case schedule
        /// RFC 5545 iCalendar.
        case ical
        /// Our own battle record (`Curricula/battle-record.xsd`), for another plant's `formation import`.
        case record
    }

    public let store: FormationStore

    public init(store: FormationStore) { self.store = store }

    /// Writes the export to `path` (nil or `-`: standard output), whole or not at all.
    public func run(battle: String, as format: Format, to path: String?, language: Language) throws {
        if format == .record { return try record(battle: battle, to: path) }
        let timetable = try Timetable.load(store, battle: battle)
        let bytes: [UInt8]
        switch format {
        case .schedule:
            let titles = Dictionary(uniqueKeysWithValues: try store.curricula().map { ($0.header.id, $0.header.title) })
            let document = ScheduleExport.document(timetable, curricula: titles, language: language)
            bytes = try ScheduleXMLWriter.write(document, to: .memory)
        case .ical:
            bytes = Array(ICalendar.document(timetable, language: language).utf8)
        case .record:
            bytes = []
        }
        try write(bytes, to: path)
    }

    /// Streams the battle record from the database to the file: canonical (two exports of the
    /// same data are identical) and language-neutral.
    func record(battle: String, to path: String?) throws {
        let battleID = try store.resolve(.battle, battle)
        guard let entry = try store.battle(battleID) else { throw LookupError.notFound(kind: .battle, query: battle) }
        let clock = try LocalClock(timeZone: entry.battle.timeZone)
        func write(to destination: XMLDestination) throws {
            let writer = try BattleRecordWriter(to: destination) { ISO8601Local.string($0, clock) }
            try writer.begin()
            try store.reading { tx in try tx.forEachRecordItem(of: battleID) { try writer.write($0) } }
            try writer.finish()
        }
        try Output(path: path, protecting: store.path).stream(write)
    }

    /// Small documents are built in memory and written in one go (atomically to a file).
    func write(_ bytes: [UInt8], to path: String?) throws {
        try Output.write(bytes, to: path, protecting: store.path)
    }
}
