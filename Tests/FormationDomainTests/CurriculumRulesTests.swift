import Testing
@testable import FormationDomain

/// Builders for small curricula in tests.
enum Sample {
    static func text(_ en: String) -> LocalizedText { LocalizedText(["en": en, "es": en + " (es)"]) }

    static func workshop(_ id: String, minutes: Int = 60, requires: [String] = [], outline: [Int] = [30]) -> Workshop {
        Workshop(
            id: Slug(trusted: id), title: text(id), summary: text("about \(id)"), objectives: [text("learn \(id)")],
            prerequisites: requires.map { try! WorkshopRef(parsing: $0) }, durationMinutes: minutes,
            materials: [text("pencil")], competencies: [text("skill")], outline: outline.map { Activity(title: text("step"), minutes: $0) })
    }

    static func curriculum(_ id: String, version: Int = 1, _ workshops: [Workshop]) -> Curriculum {
        Curriculum(header: CurriculumHeader(id: Slug(trusted: id), version: version, title: text(id), council: "Consejo", license: "CC-BY-SA-4.0"),
                   workshops: workshops)
    }
}

@Suite struct CurriculumRulesTests {
    @Test func acceptsAChainAcrossPacks() {
        let drawing = Sample.curriculum("drawing", [Sample.workshop("lines"), Sample.workshop("dimensioning", requires: ["lines"])])
        let repair = Sample.curriculum("repair", [Sample.workshop("parts", requires: ["drawing/dimensioning"])])
        #expect(CurriculumRules.check([drawing, repair]).isEmpty)
    }

    @Test func findsUnknownPrerequisites() {
        let pack = Sample.curriculum("repair", [Sample.workshop("parts", requires: ["drawing/dimensioning", "nowhere"])])
        let problems = CurriculumRules.check([pack])
        #expect(problems.map(\.error) == [
            .unknownPrerequisite(workshop: "parts", prerequisite: "drawing/dimensioning"),
            .unknownPrerequisite(workshop: "parts", prerequisite: "nowhere"),
        ])
    }

    @Test func knownWorkshopsInTheDatabaseSatisfyPrerequisites() {
        let pack = Sample.curriculum("repair", [Sample.workshop("parts", requires: ["drawing/dimensioning"])])
        let known = [WorkshopRef(curriculum: Slug(trusted: "drawing"), workshop: Slug(trusted: "dimensioning")): [WorkshopRef]()]
        #expect(CurriculumRules.check([pack], known: known).isEmpty)
    }

    @Test func namesTheCycle() {
        let pack = Sample.curriculum("c", [
            Sample.workshop("a", requires: ["c"]), Sample.workshop("b", requires: ["a"]), Sample.workshop("c", requires: ["b"]),
        ])
        let problems = CurriculumRules.check([pack])
        #expect(problems.map(\.error) == [.prerequisiteCycle(["c/a", "c/c", "c/b", "c/a"])])
    }

    @Test func findsACycleThroughTheDatabase() {
        let a = WorkshopRef(curriculum: Slug(trusted: "other"), workshop: Slug(trusted: "x"))
        let known = [a: [WorkshopRef(curriculum: Slug(trusted: "mine"), workshop: Slug(trusted: "y"))]]
        let pack = Sample.curriculum("mine", [Sample.workshop("y", requires: ["other/x"])])
        #expect(CurriculumRules.check([pack], known: known).map(\.error) == [.prerequisiteCycle(["mine/y", "other/x", "mine/y"])])
    }

    @Test func reimportedPackReplacesItsStoredGraph() {
        // The stored copy of "mine" had y → z; the new one drops z, so no unknown ref or cycle comes from the old copy.
        let known = [WorkshopRef(curriculum: Slug(trusted: "mine"), workshop: Slug(trusted: "y")): [WorkshopRef(curriculum: Slug(trusted: "mine"), workshop: Slug(trusted: "y"))]]
        let pack = Sample.curriculum("mine", [Sample.workshop("y")])
        #expect(CurriculumRules.check([pack], known: known).isEmpty)
    }

    @Test func findsDuplicatesSelfReferencesAndLongOutlines() {
        let pack = Sample.curriculum("c", [
            Sample.workshop("a"), Sample.workshop("a"),
            Sample.workshop("b", requires: ["b"]),
            Sample.workshop("d", minutes: 60, outline: [40, 30]),
        ])
        let errors = CurriculumRules.check([pack]).map(\.error)
        #expect(errors.contains(.duplicateWorkshop("a")))
        #expect(errors.contains(.selfPrerequisite("b")))
        #expect(errors.contains(.outlineTooLong(workshop: "d", outline: 70, duration: 60)))
    }

    @Test func deepChainsDoNotOverflow() {
        let workshops = (0..<20_000).map { i in Sample.workshop("w\(i)", requires: i == 0 ? [] : ["w\(i - 1)"]) }
        #expect(CurriculumRules.check([Sample.curriculum("deep", workshops)]).isEmpty)
    }

    @Test func participantLimitsMustMakeSense() {
        var workshop = Sample.workshop("a")
        workshop.minParticipants = 10
        workshop.maxParticipants = 4
        #expect(throws: DomainError.participantLimits(min: 10, max: 4)) { try workshop.validate() }
    }
}

@Suite struct CurriculumDiffTests {
    @Test func reportsAddedRemovedAndChangedFields() {
        var changed = Sample.workshop("b")
        changed.durationMinutes = 90
        changed.title.set("B, better", for: "en")
        let old = Sample.curriculum("c", version: 1, [Sample.workshop("a"), Sample.workshop("b")])
        let new = Sample.curriculum("c", version: 2, [changed, Sample.workshop("n")])
        let diff = CurriculumDiff(old: old, new: new)
        #expect(diff.added == ["n"])
        #expect(diff.removed == ["a"])
        #expect(diff.changed.map(\.workshop) == ["b"])
        #expect(diff.changed[0].fields.map(\.field) == ["title", "duration"])
        #expect(diff.changed[0].fields[1].old == .plain("60") && diff.changed[0].fields[1].new == .plain("90"))
        #expect(diff.metadata.isEmpty)
    }

    @Test func sameContentIsEmptyWhateverTheOrder() {
        let a = Sample.curriculum("c", [Sample.workshop("a"), Sample.workshop("b")])
        let b = Sample.curriculum("c", [Sample.workshop("b"), Sample.workshop("a")])
        #expect(CurriculumDiff(old: a, new: b).isEmpty)
    }
}

@Suite struct LocalizedTextTests {
    @Test func isCanonicalAndFallsBack() {
        var text = LocalizedText(["es": "Hola", "en": "Hello"])
        #expect(text.languages == ["en", "es"])
        #expect(text.resolve(.es)! == ("Hola", false))
        text = LocalizedText(["en": "Hello"])
        #expect(text.resolve(.es)! == ("Hello", true))
    }
}
