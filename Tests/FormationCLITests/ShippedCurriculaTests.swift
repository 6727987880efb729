import Foundation
import Testing

/// Issue 5: the packs in `Curricula/` are real teaching material: they import into an empty
/// database, and every workshop is a complete lesson plan in Spanish and English.
@Suite struct ShippedCurriculaTests {
    static var packFiles: [String] {
        let folder = CLI.repositoryRoot.appendingPathComponent("Curricula")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    func workshops() throws -> [[String: Any]] {
        let cli = try CLI()
        let result = try cli.run(arguments: ["import"] + Self.packFiles)
        try #require(result.code == 0, "\(result.stderr)")
        return try #require(try cli.json("workshop", "list") as? [[String: Any]])
    }

    /// Every language-keyed text object has non-blank `es` and `en`.
    func bilingual(_ value: Any?, _ what: String) -> [String] {
        guard let text = value as? [String: String] else { return ["\(what): missing"] }
        return ["es", "en"].compactMap { language in
            (text[language]?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true) ? "\(what): no \(language) text" : nil
        }
    }

    @Test func threePacksWithAtLeastTwentyTwoWorkshops() throws {
        #expect(Self.packFiles.count >= 3)
        let all = try workshops()
        #expect(all.count >= 22)
        let perPack = Dictionary(grouping: all, by: { $0["curriculum"] as? String ?? "" }).mapValues(\.count)
        #expect(perPack["freehand-drawing"] ?? 0 >= 8)
        #expect(perPack["plant-maintenance"] ?? 0 >= 8)
        #expect(perPack["organising-production"] ?? 0 >= 6)
    }

    @Test func everyWorkshopIsACompleteBilingualLessonPlan() throws {
        var problems: [String] = []
        for workshop in try workshops() {
            let ref = workshop["ref"] as? String ?? "?"
            problems += bilingual(workshop["title"], "\(ref) title")
            problems += bilingual(workshop["summary"], "\(ref) summary")
            for key in ["objectives", "materials", "competencies"] {
                let items = workshop[key] as? [Any] ?? []
                if items.isEmpty { problems.append("\(ref): no \(key)") }
                for (index, item) in items.enumerated() { problems += bilingual(item, "\(ref) \(key)[\(index)]") }
            }
            let outline = workshop["outline"] as? [[String: Any]] ?? []
            if outline.isEmpty { problems.append("\(ref): no outline") }
            let minutes = outline.compactMap { $0["minutes"] as? Int }.reduce(0, +)
            if minutes > (workshop["minutes"] as? Int ?? 0) { problems.append("\(ref): outline \(minutes) min is longer than the workshop") }
            for (index, activity) in outline.enumerated() {
                problems += bilingual(activity["title"], "\(ref) activity \(index + 1) title")
                problems += bilingual(activity["description"], "\(ref) activity \(index + 1) description")
            }
        }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func packsAreVersionOneWithAShareAlikeLicenseAndCrossPackPrerequisites() throws {
        let cli = try CLI()
        try #require(try cli.run(arguments: ["import"] + Self.packFiles).code == 0)
        let curricula = try #require(try cli.json("curriculum", "list") as? [[String: Any]])
        for curriculum in curricula {
            #expect(curriculum["version"] as? Int == 1)
            #expect(curriculum["license"] as? String == "CC-BY-SA-4.0")
            #expect(!(curriculum["council"] as? String ?? "").isEmpty)
            #expect(bilingual(curriculum["title"], "title").isEmpty && bilingual(curriculum["description"], "description").isEmpty)
        }
        let workshops = try #require(try cli.json("workshop", "list") as? [[String: Any]])
        let crossPack = workshops.flatMap { workshop in
            (workshop["prerequisites"] as? [String] ?? []).filter { !$0.hasPrefix((workshop["curriculum"] as? String ?? "") + "/") }
        }
        #expect(crossPack.contains("freehand-drawing/dimensioning"), "maintenance builds on the drawing pack's dimensioning")
    }

    @Test func shippedPacksAreStoredInCanonicalForm() throws {
        let cli = try CLI()
        try #require(try cli.run(arguments: ["import"] + Self.packFiles).code == 0)
        for path in Self.packFiles {
            let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            let exported = try cli.run("curriculum", "export", id)
            #expect(Data(exported.stdout.utf8) == (try Data(contentsOf: URL(fileURLWithPath: path))),
                    "\(id): re-export the pack (formation curriculum export \(id) -o \(path)) after editing it")
        }
    }
}
