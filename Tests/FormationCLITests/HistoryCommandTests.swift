import Foundation
import Testing

/// Issue 8, end to end: a worker learns a workshop at one battle and teaches it at the next, at
/// another plant. Built with the real commands, in 2025, and read with the clock at 2026-12-05 so
/// that every session has ended whatever the date the tests run on.
struct TwoBattles {
    let cli: CLI
    let ana: String, maria: String, carla: String, jose: String
    /// Ana teaches María at La Gaviota (Sucre); María teaches Carla and José at Amuay (Falcón).
    let learned: String, taught: String
    static let workshop = "freehand-drawing/proportion-by-eye"

    init() throws { self = try Self.make() }

    private init(cli: CLI, ana: String, maria: String, carla: String, jose: String, learned: String, taught: String) {
        self.cli = cli
        self.ana = ana
        self.maria = maria
        self.carla = carla
        self.jose = jose
        self.learned = learned
        self.taught = taught
    }

    /// The date every command of the scenario runs at.
    static let today = "2026-12-05 12:00:00"

    private static func make() throws -> TwoBattles {
        var cli = try CLI()
        cli.clock = today
        let curricula = CLI.repositoryRoot.appendingPathComponent("Curricula")
        let packs = try FileManager.default.contentsOfDirectory(atPath: curricula.path).filter { $0.hasSuffix(".xml") }.sorted()
            .map { curricula.appendingPathComponent($0).path }
        try #require(try cli.run(arguments: ["import"] + packs).code == 0)
        try #require(try cli.run("plant", "add", "La Gaviota", "--state", "Sucre").code == 0)
        try #require(try cli.run("plant", "add", "Amuay", "--state", "Falcón").code == 0)
        func person(_ name: String, _ plant: String) throws -> String {
            let result = try cli.run("person", "add", name, "--plant", plant)
            try #require(result.code == 0, "\(result.stderr)")
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let ana = try person("Ana Rivas", "La Gaviota")
        let maria = try person("María Pérez", "La Gaviota")
        let carla = try person("Carla Gómez", "Amuay")
        let jose = try person("José Rondón", "Amuay")
        try #require(try cli.run("battle", "add", "Batalla de La Gaviota", "--plant", "La Gaviota", "--start", "2025-03-10",
                                 "--end", "2025-03-14", "--time-zone", "America/Caracas").code == 0)
        try #require(try cli.run("battle", "add", "Batalla de Amuay", "--plant", "Amuay", "--start", "2025-06-02",
                                 "--end", "2025-06-06", "--time-zone", "America/Caracas").code == 0)
        let learned = try session(cli, battle: "Batalla de La Gaviota", workshop: Self.workshop, "2025-03-10 09:00", "2025-03-10 11:00",
                                   place: "Taller mecánico", facilitator: "Ana Rivas")
        try #require(try cli.run("attend", learned, "María Pérez", "--status", "attended", "--force").code == 0)
        let taught = try session(cli, battle: "Batalla de Amuay", workshop: "proportion-by-eye", "2025-06-03 14:00", "2025-06-03 16:30",
                                  place: "Galpón", facilitator: "María Pérez")
        try #require(try cli.run("attend", taught, "Carla Gómez", "José Rondón", "--status", "attended", "--force").code == 0)
        return TwoBattles(cli: cli, ana: ana, maria: maria, carla: carla, jose: jose, learned: learned, taught: taught)
    }

    static func session(_ cli: CLI, battle: String, workshop: String, _ start: String, _ end: String, place: String,
                        facilitator: String) throws -> String {
        let result = try cli.run("session", "add", "--battle", battle, "--workshop", workshop, "--start", start, "--end", end,
                                 "--place", place, "--facilitator", facilitator, "--force")
        try #require(result.code == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func object(_ arguments: String...) throws -> [String: Any] {
        let result = try cli.run(arguments: arguments + ["--format", "json"])
        try #require(result.code == 0, "\(arguments): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func array(_ arguments: String...) throws -> [[String: Any]] {
        let result = try cli.run(arguments: arguments + ["--format", "json"])
        try #require(result.code == 0, "\(arguments): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    /// Rows of `sql` in the scenario's database, through the sqlite3 shell.
    func sqlite(_ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [cli.database, sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitForExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// `xmllint --html --noout` on a page: its exit code and complaints.
func xmllintHTML(_ path: String) throws -> (code: Int32, errors: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
    process.arguments = ["--html", "--noout", path]
    let err = Pipe()
    process.standardError = err
    try process.run()
    let data = err.fileHandleForReading.readDataToEndOfFile()
    process.waitForExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite struct HistoryCommandTests {
    @Test func historySaysWhatTheWorkerLearnedAndTaughtInJSON() throws {
        let s = try TwoBattles()
        let history = try s.object("history", "María Pérez")
        #expect((history["person"] as? [String: Any])?["id"] as? String == s.maria)
        let attended = try #require(history["attended"] as? [[String: Any]])
        let taught = try #require(history["taught"] as? [[String: Any]])
        #expect(attended.count == 1 && taught.count == 1)
        #expect(attended[0]["id"] as? String == s.learned)
        #expect(attended[0]["workshop"] as? String == TwoBattles.workshop)
        #expect(attended[0]["battleName"] as? String == "Batalla de La Gaviota")
        #expect(attended[0]["plant"] as? String == "La Gaviota")
        #expect(attended[0]["state"] as? String == "Sucre")
        #expect(attended[0]["date"] as? String == "2025-03-10")
        #expect(attended[0]["start"] as? String == "2025-03-10T09:00:00-04:00")
        #expect(attended[0]["hours"] as? Double == 2)
        #expect((attended[0]["facilitators"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Ana Rivas"])
        #expect(taught[0]["id"] as? String == s.taught)
        #expect(taught[0]["battleName"] as? String == "Batalla de Amuay")
        #expect(taught[0]["plant"] as? String == "Amuay")
        #expect(taught[0]["attended"] as? Int == 2)
        #expect(taught[0]["end"] as? String == "2025-06-03T16:30:00-04:00")
        #expect(history["hoursAttended"] as? Double == 2)
        #expect(history["hoursTaught"] as? Double == 2.5)
        let competencies = try #require(history["competencies"] as? [[String: Any]])
        #expect(!competencies.isEmpty)
        #expect(competencies.allSatisfy { $0["workshop"] as? String == TwoBattles.workshop })
        #expect(competencies.allSatisfy { ($0["text"] as? [String: String])?.keys.sorted() == ["en", "es"] })
        let ready = try #require(history["readyFor"] as? [[String: Any]]).compactMap { $0["ref"] as? String }
        #expect(ready == ["freehand-drawing/measuring-tools", "freehand-drawing/orthographic-views"])

        // Ana only taught; Carla only learned, from María.
        let anaHistory = try s.object("history", "Ana Rivas")
        #expect((anaHistory["attended"] as? [Any])?.isEmpty == true)
        #expect((anaHistory["taught"] as? [[String: Any]])?.first?["attended"] as? Int == 1)
        let carla = try s.object("history", "Carla Gómez")
        #expect(((carla["attended"] as? [[String: Any]])?.first?["facilitators"] as? [[String: Any]])?.first?["name"] as? String == "María Pérez")
    }

    @Test func historyTextReadsInBothLanguages() throws {
        let s = try TwoBattles()
        let english = try s.cli.run("history", "María Pérez")
        #expect(english.code == 0)
        #expect(english.stdout.contains("Learning history of María Pérez — La Gaviota"))
        #expect(english.stdout.contains("Hours learning: 2 h · hours teaching: 2.5 h"))
        #expect(english.stdout.contains("Sessions attended (1)"))
        #expect(english.stdout.contains("Monday, March 10, 2025, 09:00–11:00"))
        #expect(english.stdout.contains("Batalla de La Gaviota, La Gaviota (Sucre) · Taller mecánico · 2 h · taught by Ana Rivas"))
        #expect(english.stdout.contains("Sessions taught (1)"))
        #expect(english.stdout.contains("Batalla de Amuay, Amuay (Falcón) · Galpón · 2.5 h · 2 of 2 came"))
        #expect(english.stdout.contains("Ready for\n  - Measuring with rule"))
        let spanish = try s.cli.run("history", "María Pérez", "--lang", "es")
        #expect(spanish.stdout.contains("Lunes 10 de marzo de 2025, 09:00–11:00"))
        #expect(spanish.stdout.contains("la dio Ana Rivas"))
        #expect(spanish.stdout.contains("Horas aprendiendo: 2 h · horas enseñando: 2,5 h"))
        #expect(spanish.stdout.contains("Ya puede tomar"))
    }

    @Test func historyIsNewestFirstAndLeavesOutWhatDidNotHappen() throws {
        let s = try TwoBattles()
        // María learns another workshop later at Amuay; a cancelled session and an absence do not count.
        let views = try TwoBattles.session(s.cli, battle: "Batalla de Amuay", workshop: "orthographic-views", "2025-06-04 09:00",
                                           "2025-06-04 11:30", place: "Galpón", facilitator: "Ana Rivas")
        #expect(try s.cli.run("attend", views, "María Pérez", "--status", "attended", "--force").code == 0)
        let cancelled = try TwoBattles.session(s.cli, battle: "Batalla de Amuay", workshop: "measuring-tools", "2025-06-05 09:00",
                                               "2025-06-05 11:30", place: "Galpón", facilitator: "Ana Rivas")
        #expect(try s.cli.run("attend", cancelled, "María Pérez", "--status", "attended", "--force").code == 0)
        #expect(try s.cli.run("session", "cancel", cancelled).code == 0)
        let missed = try TwoBattles.session(s.cli, battle: "Batalla de Amuay", workshop: "plant-maintenance/lockout-tagout", "2025-06-06 09:00",
                                            "2025-06-06 12:00", place: "Patio", facilitator: "Ana Rivas")
        #expect(try s.cli.run("attend", missed, "María Pérez", "--status", "absent").code == 0)

        let history = try s.object("history", "María Pérez")
        let attended = try #require(history["attended"] as? [[String: Any]])
        #expect(attended.map { $0["id"] as? String } == [views, s.learned])
        #expect(history["hoursAttended"] as? Double == 4.5)
        let ready = try #require(history["readyFor"] as? [[String: Any]]).compactMap { $0["ref"] as? String }
        #expect(ready.contains("freehand-drawing/isometric-sketch") && ready.contains("freehand-drawing/hidden-lines-sections"))
        #expect(!ready.contains("freehand-drawing/orthographic-views"))
        // Ana's sessions all ended, but the cancelled one was not taught.
        let anaTaught = try #require(try s.object("history", "Ana Rivas")["taught"] as? [[String: Any]])
        #expect(anaTaught.map { $0["id"] as? String } == [missed, views, s.learned])
    }

    @Test func aSessionThatHasNotEndedIsNotTaughtYet() throws {
        let s = try TwoBattles()
        try #require(try s.cli.run("battle", "add", "Batalla que viene", "--plant", "Amuay", "--start", "2027-01-10",
                                   "--end", "2027-01-12", "--time-zone", "America/Caracas").code == 0)
        _ = try TwoBattles.session(s.cli, battle: "Batalla que viene", workshop: "proportion-by-eye", "2027-01-10 09:00",
                                   "2027-01-10 11:00", place: "Galpón", facilitator: "Carla Gómez")
        let taught = try #require(try s.object("history", "Carla Gómez")["taught"] as? [Any])
        #expect(taught.isEmpty)
        let report = try s.object("battle", "report", "Batalla que viene")
        #expect(report["sessions"] as? [String: Int] == ["held": 0, "planned": 1, "cancelled": 0])
        #expect((report["newFacilitators"] as? [Any])?.isEmpty == true)
        #expect((try s.object("workshop", "lineage", TwoBattles.workshop, "--learners")["edges"] as? [Any])?.count == 3)
        // By default Carla is not a teacher yet: she is only counted among those who learned from María.
        #expect((try s.object("workshop", "lineage", TwoBattles.workshop)["edges"] as? [Any])?.count == 1)
    }

    @Test func historyHTMLIsAPrintablePageWithThePersonsSessions() throws {
        let s = try TwoBattles()
        let strange = try s.cli.run("person", "add", "Pedro \"El <Flaco>\" & Co", "--plant", "Amuay").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try s.cli.run("attend", s.taught, strange, "--status", "attended", "--force").code == 0)
        for (person, language) in [("María Pérez", "en"), ("María Pérez", "es"), (strange, "en")] {
            let path = s.cli.directory.appendingPathComponent("record-\(language)-\(person.prefix(4)).html").path
            let result = try s.cli.run("history", person, "--format", "html", "-o", path, "--lang", language)
            #expect(result.code == 0, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            let lint = try xmllintHTML(path)
            #expect(lint.code == 0 && lint.errors.isEmpty, "\(lint.errors)")
            let page = try String(contentsOfFile: path, encoding: .utf8)
            #expect(page.hasPrefix("<!DOCTYPE html>"))
            #expect(!page.contains("src=") && !page.contains("href="), "no external assets")
            #expect(page.contains("Batalla de Amuay"))
            if person == strange {
                #expect(page.contains("Pedro &quot;El &lt;Flaco&gt;&quot; &amp; Co"))
                #expect(!page.contains("<Flaco>"))
                #expect(page.contains("María Pérez"), "who taught him")
            } else {
                #expect(page.contains("Batalla de La Gaviota") && page.contains("Taller mecánico") && page.contains("Ana Rivas"))
                #expect(page.contains(language == "es" ? "Registro de formación" : "Learning record"))
            }
        }
        let stdout = try s.cli.run("history", "María Pérez", "--format", "html")
        #expect(stdout.stdout.contains("</html>"))
    }

    @Test func unknownPersonAndBadFormatAreRefused() throws {
        let cli = try CLI()
        try #require(try cli.run("plant", "add", "La Gaviota", "--state", "Sucre").code == 0)
        let unknown = try cli.run("history", "Nadie")
        #expect(unknown.code == 65)
        #expect(unknown.stderr == "formation: error: no person matches 'Nadie'\n")
        #expect(try cli.run("history", "Nadie", "--format", "pdf").code == 64)
        #expect(try cli.run("workshop", "lineage", "proportion-by-eye", "--format", "html").code == 64)
    }
}

@Suite struct BattleReportCommandTests {
    @Test func theSecondBattleHasOneNewFacilitator() throws {
        let s = try TwoBattles()
        let report = try s.object("battle", "report", "Batalla de Amuay")
        let newcomers = try #require(report["newFacilitators"] as? [[String: Any]])
        #expect(newcomers.map { $0["id"] as? String } == [s.maria])
        #expect((report["battle"] as? [String: Any])?["name"] as? String == "Batalla de Amuay")
        #expect(report["sessions"] as? [String: Int] == ["held": 1, "planned": 0, "cancelled": 0])
        #expect(report["participants"] as? Int == 2)
        #expect(report["facilitators"] as? Int == 1)
        #expect(report["sessionHours"] as? Double == 2.5)
        #expect(report["learningHours"] as? Double == 5)
        let workshops = try #require(report["workshops"] as? [[String: Any]])
        #expect(workshops.map { $0["workshop"] as? String } == [TwoBattles.workshop])
        #expect((report["categories"] as? [[String: Any]])?.map { $0["category"] as? String } == ["technical"])

        let first = try s.object("battle", "report", "Batalla de La Gaviota")
        #expect((first["newFacilitators"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Ana Rivas"])

        let text = try s.cli.run("battle", "report", "Batalla de Amuay")
        #expect(text.stdout.contains("New facilitators (1): María Pérez"))
        #expect(text.stdout.contains("Attendance: 2 of 2 registered came (100%)"))
        let spanish = try s.cli.run("battle", "report", "Batalla de Amuay", "--lang", "es")
        #expect(spanish.stdout.contains("Facilitadores nuevos (1): María Pérez"))
    }

    @Test func someoneWhoTaughtBeforeIsNotNewAndAttendanceCountsAbsences() throws {
        let s = try TwoBattles()
        // Ana teaches again at Amuay: not new. Carla is registered in it and does not come. One session is cancelled.
        let views = try TwoBattles.session(s.cli, battle: "Batalla de Amuay", workshop: "orthographic-views", "2025-06-04 09:00",
                                           "2025-06-04 11:30", place: "Galpón", facilitator: "Ana Rivas")
        #expect(try s.cli.run("attend", views, "Carla Gómez", "--status", "absent").code == 0)
        #expect(try s.cli.run("attend", views, "José Rondón", "--status", "attended", "--force").code == 0)
        let dropped = try TwoBattles.session(s.cli, battle: "Batalla de Amuay", workshop: "plant-maintenance/lockout-tagout", "2025-06-05 09:00",
                                             "2025-06-05 12:00", place: "Patio", facilitator: "José Rondón")
        #expect(try s.cli.run("session", "cancel", dropped).code == 0)
        let report = try s.object("battle", "report", "Batalla de Amuay")
        #expect((report["newFacilitators"] as? [[String: Any]])?.map { $0["name"] as? String } == ["María Pérez"])
        #expect(report["sessions"] as? [String: Int] == ["held": 2, "planned": 0, "cancelled": 1])
        let attendance = try #require(report["attendance"] as? [String: Any])
        #expect(attendance["registered"] as? Int == 4)
        #expect(attendance["attended"] as? Int == 3)
        #expect(attendance["absent"] as? Int == 1)
        #expect(attendance["rate"] as? Double == 0.75)
        #expect(report["participants"] as? Int == 2)
        #expect(report["facilitators"] as? Int == 2)
        #expect((report["workshops"] as? [[String: Any]])?.count == 2)
        let conflicts = try #require(report["conflicts"] as? [[String: Any]])
        #expect(conflicts.allSatisfy { $0["session"] is String && $0["conflicts"] is [Any] })
    }

    @Test func reportHTMLParses() throws {
        let s = try TwoBattles()
        let path = s.cli.directory.appendingPathComponent("report.html").path
        #expect(try s.cli.run("battle", "report", "Batalla de Amuay", "--format", "html", "-o", path, "--lang", "es").code == 0)
        let lint = try xmllintHTML(path)
        #expect(lint.code == 0 && lint.errors.isEmpty, "\(lint.errors)")
        let page = try String(contentsOfFile: path, encoding: .utf8)
        #expect(page.contains("Informe de Batalla de Amuay") && page.contains("María Pérez"))
    }
}

@Suite struct LineageCommandTests {
    @Test func lineageTreeShowsWhoTaughtWhomBattleByBattle() throws {
        let s = try TwoBattles()
        // By default (issue 10) the tree names the people who taught it; those who only learned are counted.
        let text = try s.cli.run("workshop", "lineage", "proportion-by-eye")
        #expect(text.code == 0, "\(text.stderr)")
        #expect(Array(text.stdout.split(separator: "\n").map(String.init).dropFirst()) == [
            "Ana Rivas (taught at Batalla de La Gaviota, 2025-03-10)",
            "  María Pérez (taught at Batalla de Amuay, 2025-06-03)",
            "    2 learned it there",
        ])
        let spanish = try s.cli.run("workshop", "lineage", TwoBattles.workshop, "--lang", "es")
        #expect(spanish.stdout.contains("Ana Rivas (lo dio en Batalla de La Gaviota, 2025-03-10)"))
        #expect(spanish.stdout.contains("    lo aprendieron ahí: 2\n"))

        // --learners names everyone, as before.
        let everyone = try s.cli.run("workshop", "lineage", "proportion-by-eye", "--learners")
        #expect(everyone.code == 0, "\(everyone.stderr)")
        #expect(Array(everyone.stdout.split(separator: "\n").map(String.init).dropFirst()) == [
            "Ana Rivas (taught at Batalla de La Gaviota, 2025-03-10)",
            "  María Pérez (taught at Batalla de Amuay, 2025-06-03)",
            "    Carla Gómez",
            "    José Rondón",
        ])

        let json = try s.object("workshop", "lineage", TwoBattles.workshop)
        #expect(json["workshop"] as? String == TwoBattles.workshop)
        #expect(json["allLearners"] as? Bool == false)
        #expect((json["edges"] as? [[String: Any]])?.map { [$0["teacher"] as? String, $0["learner"] as? String] } == [[s.ana, s.maria]])
        #expect((json["people"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Ana Rivas", "María Pérez"])
        let roots = try #require(json["roots"] as? [[String: Any]])
        #expect(roots.map { $0["id"] as? String } == [s.ana])
        let anaTaught = try #require(roots[0]["taught"] as? [[String: Any]])
        #expect(anaTaught.map { $0["battleName"] as? String } == ["Batalla de La Gaviota"])
        #expect(anaTaught[0]["attended"] as? Int == 1 && anaTaught[0]["unlisted"] as? Int == 0)
        let maria = try #require((anaTaught[0]["learners"] as? [[String: Any]])?.first)
        #expect(maria["name"] as? String == "María Pérez")
        #expect(maria["elided"] is NSNull)
        let mariaTaught = try #require(maria["taught"] as? [[String: Any]])
        #expect(mariaTaught.first?["date"] as? String == "2025-06-03")
        #expect((mariaTaught.first?["learners"] as? [Any])?.isEmpty == true)
        #expect(mariaTaught.first?["attended"] as? Int == 2 && mariaTaught.first?["unlisted"] as? Int == 2)

        let full = try s.object("workshop", "lineage", TwoBattles.workshop, "--learners")
        #expect(full["allLearners"] as? Bool == true)
        #expect((full["edges"] as? [[String: Any]])?.map { [$0["teacher"] as? String, $0["learner"] as? String] }
            == [[s.ana, s.maria], [s.maria, s.carla], [s.maria, s.jose]])
        let fullMaria = try #require(((full["roots"] as? [[String: Any]])?.first?["taught"] as? [[String: Any]])?.first?["learners"] as? [[String: Any]])
        let fullMariaTaught = try #require(fullMaria.first?["taught"] as? [[String: Any]])
        #expect((fullMariaTaught.first?["learners"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Carla Gómez", "José Rondón"])
        #expect(fullMariaTaught.first?["attended"] as? Int == 2 && fullMariaTaught.first?["unlisted"] as? Int == 0)

        let dot = try s.cli.run("workshop", "lineage", TwoBattles.workshop, "--format", "dot")
        #expect(dot.stdout.hasPrefix("digraph lineage {"))
        #expect(dot.stdout.contains("\"\(s.ana)\" -> \"\(s.maria)\" [label=\"Batalla de La Gaviota\\n2025-03-10\"];"))
        #expect(dot.stdout.contains("[label=\"+2\", shape=plaintext];"))
        #expect(dot.stdout.components(separatedBy: " -> ").count - 1 == 2)
        let fullDot = try s.cli.run("workshop", "lineage", TwoBattles.workshop, "--format", "dot", "--learners")
        #expect(fullDot.stdout.components(separatedBy: " -> ").count - 1 == 3)
        #expect(!fullDot.stdout.contains("shape=plaintext"))
    }

    @Test func aWorkerWhoLearnedAtOneBattleAndTaughtAtTheNextIsUnderTheirTeacher() throws {
        // Issue 8's scenario, with the default (teachers only) and with every learner.
        let s = try TwoBattles()
        for extra in [[], ["--learners"]] {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(try s.cli.run(arguments:
                ["workshop", "lineage", TwoBattles.workshop, "--format", "json"] + extra).stdout.utf8)) as? [String: Any])
            let roots = try #require(json["roots"] as? [[String: Any]])
            #expect(roots.map { $0["id"] as? String } == [s.ana], "\(extra)")
            let under = (roots.first?["taught"] as? [[String: Any]])?.first?["learners"] as? [[String: Any]]
            #expect(under?.map { $0["id"] as? String } == [s.maria], "\(extra)")
            #expect((under?.first?["taught"] as? [[String: Any]])?.map { $0["battleName"] as? String } == ["Batalla de Amuay"], "\(extra)")
        }
    }

    @Test func aWorkshopNobodyTaughtHasAnEmptyLineage() throws {
        let s = try TwoBattles()
        let text = try s.cli.run("workshop", "lineage", "dimensioning")
        #expect(text.code == 0)
        #expect(text.stdout.contains("nobody has taught this workshop yet"))
        let json = try s.object("workshop", "lineage", "dimensioning")
        #expect((json["roots"] as? [Any])?.isEmpty == true)
        #expect(try s.cli.run("workshop", "lineage", "no-such-workshop").code == 65)
    }

    @Test func facilitatorsAreThoseWhoTaughtOrAttendedNearestFirst() throws {
        let s = try TwoBattles()
        let all = try s.array("workshop", "facilitators", "proportion-by-eye")
        #expect(all.map { $0["name"] as? String } == ["María Pérez", "Ana Rivas", "Carla Gómez", "José Rondón"])
        let maria = all[0]
        #expect(maria["taught"] as? Int == 1 && maria["attended"] as? Int == 1)
        #expect(maria["lastTaught"] as? String == "2025-06-03" && maria["lastAttended"] as? String == "2025-03-10")
        #expect(maria["last"] as? String == "2025-06-03")
        #expect(all[1]["taught"] as? Int == 1 && all[1]["attended"] as? Int == 0 && all[1]["lastAttended"] is NSNull)

        let nearAmuay = try s.array("workshop", "facilitators", "proportion-by-eye", "--near", "Amuay")
        #expect(nearAmuay.map { $0["name"] as? String } == ["Carla Gómez", "José Rondón", "María Pérez", "Ana Rivas"])
        #expect(nearAmuay.map { $0["near"] as? Bool } == [true, true, false, false])
        #expect(nearAmuay[0]["state"] as? String == "Falcón")

        let text = try s.cli.run("workshop", "facilitators", "proportion-by-eye", "--near", "La Gaviota")
        #expect(text.stdout.contains("people from Sucre first"))
        let rows = text.stdout.split(separator: "\n").filter { $0.contains("Sucre *") }
        #expect(rows.count == 2)
        #expect(try s.cli.run("workshop", "facilitators", "proportion-by-eye", "--near", "Nowhere").code == 65)
    }
}

@Suite struct PersonMergeCommandTests {
    @Test func mergeKeepsEveryParticipationOfBoth() throws {
        let s = try TwoBattles()
        // The same María registered again at Amuay: in a session of her own, and in the two sessions she was in.
        let dup = try s.cli.run("person", "add", "María Pérez", "--plant", "Amuay").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let views = try TwoBattles.session(s.cli, battle: "Batalla de Amuay", workshop: "orthographic-views", "2025-06-05 09:00",
                                           "2025-06-05 11:30", place: "Galpón", facilitator: "Ana Rivas")
        #expect(try s.cli.run("attend", views, dup, "--status", "attended", "--force").code == 0)
        #expect(try s.cli.run("attend", s.learned, dup, "--status", "registered", "--force").code == 0)
        #expect(try s.cli.run("attend", s.taught, dup, "--status", "attended", "--force").code == 0)
        #expect(try s.cli.run("shift", "add", "--battle", "Batalla de Amuay", "--person", dup, "--start", "2025-06-02 06:00",
                              "--end", "2025-06-02 14:00").code == 0)
        let total = try Int(s.sqlite("SELECT count(*) FROM participation"))
        let keptBefore = try Int(s.sqlite("SELECT count(*) FROM participation WHERE personId = '\(s.maria)'"))
        let dupBefore = try Int(s.sqlite("SELECT count(*) FROM participation WHERE personId = '\(dup)'"))
        #expect(keptBefore == 2 && dupBefore == 3)

        let merged = try s.cli.run("person", "merge", String(s.maria.prefix(8)), String(dup.prefix(8)))
        #expect(merged.code == 0, "\(merged.stderr)")
        #expect(merged.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == s.maria)
        #expect(merged.stderr.contains("1 participations moved, 2 sessions in common combined, 1 shifts moved"))

        // Two sessions in common became one participation each; nothing else was lost.
        #expect(try Int(s.sqlite("SELECT count(*) FROM participation")) == total.map { $0 - 2 })
        #expect(try Int(s.sqlite("SELECT count(*) FROM participation WHERE personId = '\(s.maria)'")) == 3)
        #expect(try s.sqlite("SELECT count(*) FROM participation WHERE personId = '\(dup)'") == "0")
        #expect(try s.sqlite("SELECT count(*) FROM shift WHERE personId = '\(s.maria)'") == "1")
        #expect(try s.sqlite("SELECT count(*) FROM person WHERE id = '\(dup)'") == "0")
        // The stronger status, and facilitator over participant.
        #expect(try s.sqlite("SELECT role, status FROM participation WHERE sessionId = '\(s.learned)' AND personId = '\(s.maria)'") == "participant|attended")
        #expect(try s.sqlite("SELECT role, status FROM participation WHERE sessionId = '\(s.taught)' AND personId = '\(s.maria)'") == "facilitator|attended")

        let history = try s.object("history", "María Pérez")
        #expect((history["attended"] as? [[String: Any]])?.map { $0["id"] as? String } == [views, s.learned])
        #expect((history["taught"] as? [[String: Any]])?.map { $0["id"] as? String } == [s.taught])
        // The dropped id still leads to her.
        let viaOldID = try s.object("history", dup)
        #expect((viaOldID["person"] as? [String: Any])?["id"] as? String == s.maria)
        #expect(try s.object("person", "show", dup)["id"] as? String == s.maria)
    }

    @Test func aliasesOfTheDroppedPersonFollowToTheNewKeeper() throws {
        let s = try TwoBattles()
        let first = try s.cli.run("person", "add", "J. Rondón").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try s.cli.run("person", "merge", "José Rondón", first).code == 0)
        let keeper = try s.cli.run("person", "add", "José Rondón (Amuay)").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try s.cli.run("person", "merge", keeper, "José Rondón").code == 0)
        #expect(try s.sqlite("SELECT keptId FROM personAlias") == "\(keeper)\n\(keeper)")
        #expect(try s.object("person", "show", first)["id"] as? String == keeper)
        #expect(try s.object("person", "show", s.jose)["id"] as? String == keeper)
        #expect((try s.object("history", first)["attended"] as? [Any])?.count == 1)
    }

    @Test func mergingSomeoneWithThemselvesChangesNothing() throws {
        let s = try TwoBattles()
        let before = try s.sqlite("SELECT count(*) FROM participation; SELECT count(*) FROM person")
        let same = try s.cli.run("person", "merge", "María Pérez", s.maria)
        #expect(same.code == 65)
        #expect(same.stderr.contains("same person"))
        #expect(try s.cli.run("person", "merge", "María Pérez", "Nadie").code == 65)
        #expect(try s.sqlite("SELECT count(*) FROM participation; SELECT count(*) FROM person") == before)
    }
}
