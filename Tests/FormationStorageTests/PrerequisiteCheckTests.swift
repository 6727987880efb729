import Testing
import FormationDomain
@testable import FormationStorage

/// The import's graph checks, run in SQL with numbered workshops, against what the domain rules say.
@Suite struct PrerequisiteCheckTests {
    let store = try! FormationStore.inMemory()

    func text(_ value: String) -> LocalizedText { LocalizedText(["en": value, "es": value]) }

    func workshop(_ id: String, requires: [String] = []) -> Workshop {
        Workshop(id: Slug(trusted: id), title: text(id), summary: text(id), objectives: [text(id)],
                 prerequisites: requires.map { try! WorkshopRef(parsing: $0) }, durationMinutes: 60,
                 materials: [], competencies: [], outline: [])
    }

    func write(_ curriculum: String, _ workshops: [Workshop], in tx: CurriculumTransaction) throws {
        try tx.replaceHeader(CurriculumHeader(id: Slug(trusted: curriculum), version: 1, title: text(curriculum),
                                              council: "Consejo", license: "CC-BY-SA-4.0"))
        for (position, workshop) in workshops.enumerated() {
            try tx.insert(workshop, in: Slug(trusted: curriculum), position: position)
        }
    }

    func slugs(_ ids: [String]) -> Set<Slug> { Set(ids.map(Slug.init(trusted:))) }

    func problems(_ body: (CurriculumTransaction) throws -> Set<Slug>) throws -> [PrerequisiteProblem] {
        try store.inCurriculumTransaction { tx in (false, try tx.prerequisiteProblems(incoming: body(tx))) }
    }

    @Test func aCleanGraphAcrossCurriculaHasNoProblem() throws {
        let found = try problems { tx in
            try write("drawing", [workshop("lines"), workshop("dimensioning", requires: ["lines"])], in: tx)
            try write("repair", [workshop("parts", requires: ["drawing/dimensioning", "drawing/lines"])], in: tx)
            return slugs(["drawing", "repair"])
        }
        #expect(found.isEmpty)
    }

    @Test func unknownPrerequisitesAreReportedOnlyForIncomingCurricula() throws {
        let found = try problems { tx in
            try write("old", [workshop("a", requires: ["gone"])], in: tx)
            try write("new", [workshop("x"), workshop("y", requires: ["x", "nowhere", "old/missing"])], in: tx)
            return slugs(["new"])
        }
        let y = WorkshopRef(curriculum: Slug(trusted: "new"), workshop: Slug(trusted: "y"))
        #expect(found == [
            PrerequisiteProblem(workshop: y, position: 1, error: .unknownPrerequisite(workshop: "y", prerequisite: "nowhere")),
            PrerequisiteProblem(workshop: y, position: 1, error: .unknownPrerequisite(workshop: "y", prerequisite: "old/missing")),
        ])
    }

    @Test func aCycleThroughTheDatabaseIsReportedAtTheIncomingWorkshop() throws {
        let found = try problems { tx in
            try write("other", [workshop("x", requires: ["mine/y"])], in: tx)
            try write("mine", [workshop("w"), workshop("y", requires: ["w", "other/x"])], in: tx)
            return slugs(["mine"])
        }
        #expect(found == [PrerequisiteProblem(workshop: WorkshopRef(curriculum: Slug(trusted: "mine"), workshop: Slug(trusted: "y")),
                                              position: 1, error: .prerequisiteCycle(["mine/y", "other/x", "mine/y"]))])
    }

    @Test func agreesWithTheDomainRulesOnALargerGraph() throws {
        // 300 workshops over three curricula, each requiring earlier ones, plus one edge back that closes a cycle.
        var curricula: [Curriculum] = []
        for c in 0 ..< 3 {
            var workshops: [Workshop] = []
            for w in 0 ..< 100 {
                var requires: [String] = []
                if w > 0 { requires.append("w\(w - 1)") }
                if c > 0 && w % 7 == 0 { requires.append("c\(c - 1)/w\((w * 3) % 100)") }
                if c == 2 && w == 50 { requires.append("c0/w99") }
                workshops.append(workshop("w\(w)", requires: requires))
            }
            curricula.append(Curriculum(header: CurriculumHeader(id: Slug(trusted: "c\(c)"), version: 1, title: text("c"),
                                                                 council: "Consejo", license: "CC-BY-SA-4.0"), workshops: workshops))
        }
        // c0/w99 requires c2/w50 would close a cycle: c2/w50 → c0/w99 → … Add it.
        var first = curricula[0].workshops
        first[99] = workshop("w99", requires: ["w98", "c2/w50"])
        curricula[0] = Curriculum(header: curricula[0].header, workshops: first)
        let expected = CurriculumRules.check(curricula).map(\.error)
        let found = try problems { tx in
            for curriculum in curricula { try write(curriculum.id.rawValue, curriculum.workshops, in: tx) }
            return slugs(["c0", "c1", "c2"])
        }
        #expect(!expected.isEmpty)
        #expect(found.map(\.error) == expected)
    }
}
