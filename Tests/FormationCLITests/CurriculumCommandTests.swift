import Foundation
import Testing

/// `import`, `validate`, `curriculum export` and `curriculum diff` through the built binary.
@Suite struct CurriculumCommandTests {
    static var packs: [String] {
        ["freehand-drawing", "plant-maintenance", "organising-production"].map {
            CLI.repositoryRoot.appendingPathComponent("Curricula/\($0).xml").path
        }
    }

    func write(_ text: String, _ name: String, in cli: CLI) throws -> String {
        let path = cli.directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func workshopCount(_ cli: CLI) throws -> Int {
        try #require(try cli.json("workshop", "list") as? [Any]).count
    }

    /// A text the pack leaves out is `null` in JSON, as the README promises, never `{}`.
    @Test func absentTextsAreNullInJSON() throws {
        let cli = try CLI()
        let pack = cli.directory.appendingPathComponent("bare.xml")
        let xml = PackGenerator.pack(id: "bare", workshops: 1).replacingOccurrences(
            of: #"<description xml:lang="es">[^<]*</description>"#, with: "", options: .regularExpression)
        try Data(xml.utf8).write(to: pack)
        try cli.expectSuccess(cli.run("import", pack.path))
        let curriculum = try #require(try cli.json("curriculum", "show", "bare") as? [String: Any])
        #expect(curriculum["description"] is NSNull, "\(curriculum["description"] ?? "missing")")
        let workshop = try #require(try cli.json("workshop", "show", "bare/w0") as? [String: Any])
        let outline = try #require(workshop["outline"] as? [[String: Any]])
        #expect(outline.first?["description"] is NSNull)
        #expect((outline.first?["title"] as? [String: String])?["es"] == "Práctica")
    }

    @Test func importsTheShippedPacksTogetherAndTwiceChangesNothing() throws {
        let cli = try CLI()
        let first = try cli.run(arguments: ["import", "--verbose"] + Self.packs)
        #expect(first.code == 0, "\(first.stderr)")
        #expect(first.stderr.contains("freehand-drawing: version 1 added (10 workshops)"))
        #expect(try workshopCount(cli) == 26)
        let again = try cli.run(arguments: ["import", "--verbose"] + Self.packs)
        #expect(again.code == 0)
        #expect(again.stderr.contains("already here; nothing changed"))
        #expect(try workshopCount(cli) == 26)
    }

    @Test func oneBadFileMeansNothingIsWritten() throws {
        let cli = try CLI()
        let broken = try write("<curriculum xmlns=\"urn:selfformation:curriculum:1\" id=\"x\" version=\"1\">\n<title>no lang</title>\n</curriculum>\n", "broken.xml", in: cli)
        let result = try cli.run(arguments: ["import"] + Self.packs + [broken])
        #expect(result.code == 65)
        #expect(result.stderr.contains("\(broken):2:"))
        #expect(result.stderr.contains("nothing was written"))
        #expect(try workshopCount(cli) == 0)
    }

    @Test func missingPrerequisiteIsReportedAtItsLine() throws {
        let cli = try CLI()
        // The maintenance pack needs the drawing pack's workshops: alone it must be refused.
        let result = try cli.run("import", Self.packs[1])
        #expect(result.code == 65)
        let line = try #require(result.stderr.split(separator: "\n").first { $0.contains("requires 'freehand-drawing/measuring-tools'") })
        #expect(line.hasPrefix("\(Self.packs[1]):"))
        #expect(line.contains(": error: workshop 'bearings-and-shaft-alignment' requires"))
        #expect(try workshopCount(cli) == 0)
    }

    @Test func cycleIsNamed() throws {
        let cli = try CLI()
        let pack = """
        <?xml version="1.0" encoding="UTF-8"?>
        <curriculum xmlns="urn:selfformation:curriculum:1" id="loop" version="1">
          <title xml:lang="en">Loop</title>
          <council>C</council>
          <license>CC-BY-SA-4.0</license>
          <workshop id="a" category="technical" minutes="60">
            <title xml:lang="en">A</title>
            <prerequisites><requires ref="b"/></prerequisites>
            <objectives><objective><text xml:lang="en">x</text></objective></objectives>
          </workshop>
          <workshop id="b" category="technical" minutes="60">
            <title xml:lang="en">B</title>
            <prerequisites><requires ref="loop/a"/></prerequisites>
            <objectives><objective><text xml:lang="en">y</text></objective></objectives>
          </workshop>
        </curriculum>

        """
        let path = try write(pack, "loop.xml", in: cli)
        let result = try cli.run("validate", path)
        #expect(result.code == 65)
        #expect(result.stderr.contains("\(path):6:3: error: prerequisites form a cycle: loop/a → loop/b → loop/a"), "\(result.stderr)")
    }

    @Test func validateWritesNothing() throws {
        let cli = try CLI()
        let result = try cli.run(arguments: ["validate"] + Self.packs)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stderr.contains("freehand-drawing version 1 checked, 10 workshops"))
        #expect(!FileManager.default.fileExists(atPath: cli.database), "no database was created (issue 18)")
    }

    @Test func exportRoundTripsByteForByteAndValidatesIndependently() throws {
        let cli = try CLI()
        try #require(try cli.run(arguments: ["import"] + Self.packs).code == 0)
        for id in ["freehand-drawing", "plant-maintenance", "organising-production"] {
            let first = cli.directory.appendingPathComponent("\(id)-1.xml").path
            #expect(try cli.run("curriculum", "export", id, "-o", first).code == 0)
            let other = try CLI()
            // Import the export into a fresh database (with its dependencies), export again: same bytes.
            try #require(try other.run(arguments: ["import", first] + Self.packs.filter { !$0.hasSuffix("\(id).xml") }).code == 0)
            let second = other.directory.appendingPathComponent("\(id)-2.xml").path
            #expect(try other.run("curriculum", "export", id, "-o", second).code == 0)
            let a = try Data(contentsOf: URL(fileURLWithPath: first)), b = try Data(contentsOf: URL(fileURLWithPath: second))
            #expect(a == b, "\(id) export is not canonical")
            let stdout = try cli.run("curriculum", "export", id)
            #expect(Data(stdout.stdout.utf8) == a)
            let xmllint = Process()
            xmllint.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
            xmllint.arguments = ["--noout", "--schema", CLI.repositoryRoot.appendingPathComponent("Curricula/curriculum.xsd").path, first]
            xmllint.standardError = FileHandle.nullDevice
            try xmllint.run()
            xmllint.waitForExit()
            #expect(xmllint.terminationStatus == 0, "xmllint refuses the export of \(id)")
        }
    }

    @Test func sameVersionWithOtherContentIsAConflictUnlessReplace() throws {
        let cli = try CLI()
        try #require(try cli.run(arguments: ["import"] + Self.packs).code == 0)
        let exported = try cli.run("curriculum", "export", "organising-production").stdout
        let changed = exported.replacingOccurrences(of: "minutes=\"210\"", with: "minutes=\"225\"")
        try #require(changed != exported)
        let path = try write(changed, "changed.xml", in: cli)
        let conflict = try cli.run("import", path)
        #expect(conflict.code == 65)
        #expect(conflict.stderr.contains("differs from the copy already here with the same version"))
        #expect(conflict.stderr.contains("  workshop collective-diagnosis: duration"))
        let replaced = try cli.run("import", path, "--replace")
        #expect(replaced.code == 0, "\(replaced.stderr)")
        #expect(try cli.run("curriculum", "export", "organising-production").stdout == changed)
    }

    /// `validate` of one file leaves the texts out of its rolled-back writes; with two files of the
    /// same version the second is compared with the first, so there the texts must be written.
    @Test func validatingTwoCopiesOfOneVersionComparesTheirTexts() throws {
        let cli = try CLI()
        try #require(try cli.run(arguments: ["import"] + Self.packs).code == 0)
        // Version 2, which the database lacks: the first file is written, the second compared with it.
        let original = try String(contentsOfFile: Self.packs.first { $0.hasSuffix("organising-production.xml") }!, encoding: .utf8)
            .replacingOccurrences(of: "id=\"organising-production\" version=\"1\"", with: "id=\"organising-production\" version=\"2\"")
        let changed = original.replacingOccurrences(of: "Collective diagnosis", with: "Collective check-up")
        try #require(changed != original)
        let first = try write(original, "first.xml", in: cli), second = try write(changed, "second.xml", in: cli)
        let alone = try cli.run("validate", second)
        #expect(alone.code == 0, "\(alone.stderr)")
        let together = try cli.run("validate", first, second)
        #expect(together.code == 65)
        #expect(together.stderr.contains("differs from the copy already here with the same version"), "\(together.stderr)")
        #expect(together.stderr.contains("workshop collective-diagnosis: title"), "\(together.stderr)")
        let same = try cli.run("validate", first, try write(original, "again.xml", in: cli))
        #expect(same.code == 0, "\(same.stderr)")
    }

    @Test func newerVersionReplacesOlderIsSkipped() throws {
        let cli = try CLI()
        try #require(try cli.run(arguments: ["import"] + Self.packs).code == 0)
        let v1 = try cli.run("curriculum", "export", "organising-production").stdout
        let v2 = v1.replacingOccurrences(of: "id=\"organising-production\" version=\"1\"", with: "id=\"organising-production\" version=\"2\"")
        let v2Path = try write(v2, "v2.xml", in: cli), v1Path = try write(v1, "v1.xml", in: cli)
        let newer = try cli.run("import", v2Path)
        #expect(newer.stderr.contains("version 2 replaced version 1"))
        let older = try cli.run("import", v1Path)
        #expect(older.code == 0)
        #expect(older.stderr.contains("version 1 is older than version 2 already here; skipped"))
        let list = try #require(try cli.json("curriculum", "list") as? [[String: Any]])
        #expect(list.first { $0["id"] as? String == "organising-production" }?["version"] as? Int == 2)
    }

    @Test func diffBetweenAFileAndTheDatabase() throws {
        let cli = try CLI()
        try #require(try cli.run(arguments: ["import"] + Self.packs).code == 0)
        let exported = try cli.run("curriculum", "export", "organising-production").stdout
        let changed = exported.replacingOccurrences(of: "minutes=\"210\"", with: "minutes=\"225\"")
        let path = try write(changed, "changed.xml", in: cli)
        let json = try #require(try cli.json("curriculum", "diff", "organising-production", path) as? [String: Any])
        #expect(json["added"] as? [String] == [])
        #expect(json["removed"] as? [String] == [])
        let changes = try #require(json["changed"] as? [[String: Any]])
        #expect(changes.map { $0["workshop"] as? String } == ["collective-diagnosis"])
        let text = try cli.run("curriculum", "diff", "organising-production", path)
        #expect(text.stdout.contains("changed workshop collective-diagnosis:\n  duration:\n    - 210\n    + 225"))
        let same = try cli.run("curriculum", "diff", "organising-production", "organising-production")
        #expect(same.stdout.contains("no differences"))
    }

    @Test func standardInputIsAFile() throws {
        let cli = try CLI()
        try #require(try cli.run(arguments: ["import"] + Self.packs).code == 0)
        let exported = try cli.run("curriculum", "export", "freehand-drawing").stdout
        let result = try cli.run("validate", "-", stdin: Data(exported.utf8))
        #expect(result.code == 0, "\(result.stderr)")
    }

    @Test func missingAndDirectoryInputsExit66() throws {
        let cli = try CLI()
        let missing = try cli.run("import", "/nonexistent/pack.xml")
        #expect(missing.code == 66)
        #expect(missing.stderr == "formation: error: /nonexistent/pack.xml: no such file\n")
        #expect(try cli.run("import", cli.directory.path).code == 66)
        #expect(try cli.run("curriculum", "export", "nothing-here").code == 65)
    }

    @Test func exportToAnImpossiblePathExits73AndLeavesNoFile() throws {
        let cli = try CLI()
        try #require(try cli.run(arguments: ["import"] + Self.packs).code == 0)
        let result = try cli.run("curriculum", "export", "freehand-drawing", "-o", "/nonexistent/dir/out.xml")
        #expect(result.code == 73)
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func workshopShowReadsAsALessonPlanInBothLanguages() throws {
        let cli = try CLI()
        try #require(try cli.run(arguments: ["import"] + Self.packs).code == 0)
        let english = try cli.run("workshop", "show", "dimensioning")
        #expect(english.code == 0)
        for heading in ["Objectives:", "Materials and tools:", "Outline:", "Prerequisites:"] {
            #expect(english.stdout.contains(heading), "\(heading)")
        }
        let spanish = try cli.run("workshop", "show", "dimensioning", "--lang", "es")
        for heading in ["Objetivos:", "Materiales y herramientas:", "Plan de actividades:", "Prerrequisitos:"] {
            #expect(spanish.stdout.contains(heading), "\(heading)")
        }
        #expect(!spanish.stdout.contains("[sin texto"), "the shipped packs have Spanish for every text")
        let json = try #require(try cli.json("workshop", "show", "freehand-drawing/dimensioning") as? [String: Any])
        #expect(json["curriculum"] as? String == "freehand-drawing")
        #expect((json["outline"] as? [Any])?.isEmpty == false)
    }
}
