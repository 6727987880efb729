import Foundation
import Testing

/// Issue 15, item 16: `workshop lineage --format json` failed from 128 generations (JSONEncoder's
/// 512 levels) though the README promises the tree to 200.
@Suite struct LineageJSONDepthTests {
    /// A battle record where person i teaches person i+1, one ten-minute session each, in order.
    static func chainRecord(generations: Int) -> String {
        let plant = "00000000-0000-4000-8000-000000000001", battle = "00000000-0000-4000-8000-000000000002"
        func person(_ i: Int) -> String { String(format: "10000000-0000-4000-8000-%012d", i) }
        func session(_ i: Int) -> String { String(format: "20000000-0000-4000-8000-%012d", i) }
        func time(_ minutes: Int) -> String {
            String(format: "2025-03-%02dT%02d:%02d:00-04:00", 10 + minutes / 1440, minutes % 1440 / 60, minutes % 60)
        }
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <battleRecord xmlns="urn:selfformation:battle:1">
              <plant id="\(plant)" ownership="state"><name>Cadena</name><state>Sucre</state></plant>
              <battle id="\(battle)" plant="\(plant)" start="2025-03-10" end="2025-03-14" timeZone="America/Caracas"><name>Cadena</name></battle>

            """
        for i in 0 ... generations { xml += "  <person id=\"\(person(i))\" retired=\"false\"><name>P\(i)</name></person>\n" }
        for i in 0 ..< generations {
            xml += """
                  <session id="\(session(i))" workshop="freehand-drawing/proportion-by-eye" start="\(time(i * 10))" end="\(time(i * 10 + 10))" cancelled="false">
                    <place>Taller</place>
                    <participant person="\(person(i))" role="facilitator" status="registered"/>
                    <participant person="\(person(i + 1))" role="participant" status="attended"/>
                  </session>

                """
        }
        return xml + "</battleRecord>\n"
    }

    @Test func twoHundredGenerationsAreWrittenInJSON() throws {
        var cli = try CLI()
        cli.clock = "2026-12-05 12:00:00"   // the 2025 sessions have ended, whatever today is
        let record = cli.directory.appendingPathComponent("chain.xml")
        try Self.chainRecord(generations: 205).write(to: record, atomically: false, encoding: .utf8)
        let imported = try cli.run(arguments: ["import"] + CurriculumCommandTests.packs + [record.path])
        try #require(imported.code == 0, "\(imported.stderr)")
        let result = try cli.run("workshop", "lineage", "freehand-drawing/proportion-by-eye", "--format", "json")
        #expect(result.code == 0, "\(result.stderr.prefix(300))")
        // Foundation's JSONSerialization stops at 512 levels too: the document is checked by Python's
        // reader, down the only branch: 200 generations, then "tooDeep".
        let check = """
            import json, sys
            d = json.load(sys.stdin)
            node, depth = d["roots"][0], 0
            while node["taught"] and node["taught"][0]["learners"]:
                node, depth = node["taught"][0]["learners"][0], depth + 1
            print(len(d["edges"]), depth, node["elided"])
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", check]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(result.stdout.utf8))
        try input.fileHandleForWriting.close()
        let summary = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitForExit()
        // By default only people who taught are named: the last learner of the chain is not.
        #expect(summary == "204 200 tooDeep\n")
    }
}
