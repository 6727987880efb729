import Foundation

/// A battle record written by hand, as another plant (or a stranger) might send one: every id,
/// time and zone is the test's to choose, so it can collide with what is already here.
struct RecordFixture {
    struct Person {
        var id = UUID().uuidString.lowercased()
        var name: String
    }

    struct Participant {
        var person: String
        var role = "participant"
        var status = "registered"
    }

    struct Session {
        var id = UUID().uuidString.lowercased()
        var workshop = "freehand-drawing/proportion-by-eye"
        /// ISO 8601 with the offset, as written in the file.
        var start: String
        var end: String
        var place = "Taller"
        var participants: [Participant] = []
    }

    var plantID = UUID().uuidString.lowercased()
    var plantName = "Amuay"
    var battleID = UUID().uuidString.lowercased()
    var battleName = "Batalla de Amuay"
    var start = "2026-12-01"
    var end = "2026-12-05"
    var timeZone = "America/Caracas"
    var people: [Person] = []
    var sessions: [Session] = []
    /// Markup put before the root element (comments, processing instructions).
    var prologue = ""

    var xml: String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\(prologue)<battleRecord xmlns=\"urn:selfformation:battle:1\">\n"
        out += "  <plant id=\"\(plantID)\" ownership=\"state\">\n    <name>\(plantName)</name>\n    <state>Falcón</state>\n  </plant>\n"
        out += "  <battle id=\"\(battleID)\" plant=\"\(plantID)\" start=\"\(start)\" end=\"\(end)\" timeZone=\"\(timeZone)\">\n"
        out += "    <name>\(battleName)</name>\n  </battle>\n"
        for person in people {
            out += "  <person id=\"\(person.id)\" plant=\"\(plantID)\" retired=\"false\">\n    <name>\(person.name)</name>\n  </person>\n"
        }
        for session in sessions {
            out += "  <session id=\"\(session.id)\" workshop=\"\(session.workshop)\" start=\"\(session.start)\" end=\"\(session.end)\" cancelled=\"false\">\n"
            out += "    <place>\(session.place)</place>\n"
            for participant in session.participants {
                out += "    <participant person=\"\(participant.person)\" role=\"\(participant.role)\" status=\"\(participant.status)\"/>\n"
            }
            out += "  </session>\n"
        }
        return out + "</battleRecord>\n"
    }

    /// Writes the record beside `cli`'s database and returns its path.
    func write(_ cli: CLI, name: String = "record.xml") throws -> String {
        let path = cli.directory.appendingPathComponent(name).path
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The line (1-based) of the first line of the file containing `text`.
    func line(of text: String) -> Int? {
        xml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }.map { $0 + 1 }
    }
}
