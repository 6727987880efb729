public import FormationDomain

/// Writes battle records in canonical form, streaming: the caller hands items in the record's
/// order (plants, the battle, people, sessions, shifts, conflicts, qualifications, roster — each sorted as the schema's
/// comment says), and the same data always gives the same bytes.
///
/// A `final class` because it owns libxml2's writer; one thread: `begin`, `write` per item, `finish`.
public final class BattleRecordWriter {
    private let xml: XMLTextWriting
    private let time: (Int64) -> String

    /// - Parameter time: formats an instant as ISO 8601 with the battle's UTC offset.
    public init(to destination: XMLDestination, time: @escaping (Int64) -> String) throws {
        xml = try XMLTextWriting(to: destination)
        self.time = time
    }

    public var bytes: [UInt8] { xml.sink.bytes }

    public func begin() throws {
        try xml.startDocument()
        try xml.start("battleRecord")
        try xml.attribute("xmlns", "urn:selfformation:battle:1")
    }

    public func write(_ item: BattleRecordItem) throws {
        switch item {
        case .plant(let plant):
            try xml.start("plant")
            try xml.attribute("id", plant.id.rawValue)
            try xml.attribute("ownership", plant.ownership.rawValue)
            try xml.element("name", plant.name)
            try xml.element("state", plant.state)
            if let sector = plant.sector { try xml.element("sector", sector) }
            try xml.end()
        case .battle(let battle):
            try xml.start("battle")
            try xml.attribute("id", battle.id.rawValue)
            try xml.attribute("plant", battle.plant.rawValue)
            try xml.attribute("start", battle.start.description)
            try xml.attribute("end", battle.end.description)
            try xml.attribute("timeZone", battle.timeZone)
            try xml.element("name", battle.name)
            try xml.end()
        case .person(let person, let aliases):
            try xml.start("person")
            try xml.attribute("id", person.id.rawValue)
            if let plant = person.plant { try xml.attribute("plant", plant.rawValue) }
            try xml.attribute("retired", person.retired ? "true" : "false")
            if let sector = person.sector { try xml.attribute("sector", sector.rawValue) }
            try xml.element("name", person.name)
            for alias in aliases.sorted() {
                try xml.start("alias")
                try xml.attribute("id", alias.rawValue)
                try xml.end()
            }
            try xml.end()
        case .session(let session, let participations):
            try xml.start("session")
            try xml.attribute("id", session.id.rawValue)
            try xml.attribute("workshop", session.workshop.description)
            try xml.attribute("start", time(session.start))
            try xml.attribute("end", time(session.end))
            try xml.attribute("cancelled", session.cancelled ? "true" : "false")
            try xml.element("place", session.place)
            for participation in participations {
                try xml.start("participant")
                try xml.attribute("person", participation.person.rawValue)
                try xml.attribute("role", participation.role.rawValue)
                try xml.attribute("status", participation.status.rawValue)
                try xml.end()
            }
            try xml.end()
        case .shift(let shift):
            try xml.start("shift")
            try xml.attribute("id", shift.id.rawValue)
            try xml.attribute("person", shift.person.rawValue)
            try xml.attribute("start", time(shift.start))
            try xml.attribute("end", time(shift.end))
            try xml.end()
        case .conflict(let session, let kind, let person, let arguments):
            try xml.start("conflict")
            try xml.attribute("session", session.rawValue)
            try xml.attribute("kind", kind)
            if let person { try xml.attribute("person", person.rawValue) }
            for argument in arguments { try xml.element("argument", argument) }
            try xml.end()
        case .qualification(let qualification):
            try xml.start("qualification")
            try xml.attribute("person", qualification.person.rawValue)
            try xml.attribute("workshop", qualification.workshop.description)
            try xml.attribute("recorded", time(qualification.recorded))
            if let by = qualification.by { try xml.attribute("by", by.rawValue) }
            if let note = qualification.note { try xml.element("note", note) }
            try xml.end()
        case .rosterEntry(let entry):
            try xml.start("rosterEntry")
            try xml.attribute("person", entry.person.rawValue)
            if let from = entry.from { try xml.attribute("from", from.description) }
            if let to = entry.to { try xml.attribute("to", to.description) }
            try xml.end()
        }
    }

    public func finish() throws {
        try xml.end()
        try xml.finish()
    }
}
