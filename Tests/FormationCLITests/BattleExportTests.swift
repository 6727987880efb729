import Foundation
import Testing

/// Issue 7: the battle's schedule opens in tools no one here wrote.
@Suite struct BattleExportTests {
    func plannedBattle() throws -> CLI {
        let cli = try BattleCommandTests().battle()
        for (workshop, start, end, place, who) in [
            ("proportion-by-eye", "2026-12-01 09:00", "2026-12-01 11:00", "Taller mecánico", "Ana Rivas"),
            ("lockout-tagout", "2026-12-01 09:00", "2026-12-01 12:00", "Patio, frente al secador", "Beto Salazar"),
            ("collective-diagnosis", "2026-12-02 14:00", "2026-12-02 17:30", "Comedor", "Carla Mendoza"),
        ] {
            let result = try cli.run("session", "add", "--battle", "Batalla de La Gaviota", "--workshop", workshop, "--start", start,
                                     "--end", end, "--place", place, "--facilitator", who, "--force")
            try #require(result.code == 0, "\(result.stderr)")
        }
        return cli
    }

    static func xmllint(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitForExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func scheduleXMLValidatesAgainstTheVocSchemaAndCarriesWhatClientsNeed() throws {
        let cli = try plannedBattle()
        let path = cli.directory.appendingPathComponent("schedule.xml").path
        let result = try cli.run("battle", "export", "Batalla de La Gaviota", "--as", "schedule", "-o", path, "--lang", "es")
        #expect(result.code == 0, "\(result.stderr)")
        let schema = CLI.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/schemas/schedule.xml.xsd").path
        try #require(FileManager.default.fileExists(atPath: schema), "../shared/schemas is needed for this test")
        let (status, messages) = try Self.xmllint(["--noout", "--schema", schema, path])
        #expect(status == 0, "\(messages)")
        let xml = try String(contentsOfFile: path, encoding: .utf8)
        // Every event has every element real importers need.
        let events = xml.components(separatedBy: "<event ").dropFirst()
        #expect(events.count == 3)
        for event in events {
            for element in ["<date>", "<start>", "<duration>", "<room>", "<slug>", "<title>", "<subtitle>", "<track>", "<type>",
                            "<language>", "<abstract>", "<description>", "<persons>"] {
                #expect(event.contains(element), "event lacks \(element)")
            }
        }
        #expect(xml.contains("<date>2026-12-01T09:00:00-04:00</date>"))
        #expect(xml.contains("<duration>03:30</duration>"))
        #expect(xml.contains("<conference>") && xml.contains("<start>2026-12-01</start>"))
        #expect(xml.contains("Línea, círculo y proporción a ojo"))
        // Tracks are named in the reader's language, like everything a person reads.
        #expect(xml.contains("<track>técnica</track>") && !xml.contains("<track>technical</track>"), "\(xml)")
        #expect(xml.range(of: "<day")!.lowerBound.utf16Offset(in: xml) < 5000, "the first day must come early")
        // Stable: a second export is identical.
        let again = try cli.run("battle", "export", "Batalla de La Gaviota", "--as", "schedule", "--lang", "es")
        #expect(again.stdout == xml)
    }

    @Test func iCalendarHasOneEventPerSessionWithStableUIDsAndTheZone() throws {
        let cli = try plannedBattle()
        let result = try cli.run("battle", "export", "Batalla de La Gaviota", "--as", "ical")
        #expect(result.code == 0)
        let text = result.stdout
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "lines must be folded at 75 octets")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare line feeds")
        let events = text.components(separatedBy: "BEGIN:VEVENT").dropFirst()
        #expect(events.count == 3)
        for event in events {
            for property in ["UID:", "DTSTAMP:", "DTSTART;TZID=America/Caracas:", "DTEND;TZID=America/Caracas:", "SUMMARY:", "LOCATION:"] {
                #expect(event.contains("\r\n" + property), "VEVENT lacks \(property)")
            }
        }
        #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:America/Caracas\r\n"))
        #expect(text.contains("TZOFFSETTO:-0400"))
        #expect(text.contains("DTSTART;TZID=America/Caracas:20261202T140000"))
        #expect(text.contains("LOCATION:Patio\\, frente al secador"))
        #expect(text.contains("\r\nCATEGORIES:technical\r\n"))
        let spanish = try cli.run("battle", "export", "Batalla de La Gaviota", "--as", "ical", "--lang", "es")
        #expect(spanish.stdout.contains("\r\nCATEGORIES:técnica\r\n"))
        let sessions = try #require(try cli.json("session", "list", "--battle", "Batalla de La Gaviota") as? [[String: Any]])
        for session in sessions {
            #expect(text.contains("UID:\(session["id"] as! String)@selfformation"))
        }
    }

    @Test func unknownFormatIsAUsageError() throws {
        let cli = try plannedBattle()
        #expect(try cli.run("battle", "export", "Batalla de La Gaviota", "--as", "pdf").code == 64)
    }
}
