import Testing
@testable import FormationDomain

/// Readiness, lineage building, merge and ranking rules of issue 8, without touching disk.
@Suite struct ReadinessTests {
    func ref(_ text: String) -> WorkshopRef { try! WorkshopRef(parsing: text) }

    /// drawing: eye → views → (iso, sections); eye → tools; sections + tools → dims; maintenance/lockout (no prerequisites).
    var graph: [WorkshopRef: [WorkshopRef]] {
        [
            ref("drawing/eye"): [],
            ref("drawing/views"): [ref("drawing/eye")],
            ref("drawing/iso"): [ref("drawing/views")],
            ref("drawing/sections"): [ref("drawing/views")],
            ref("drawing/tools"): [ref("drawing/eye")],
            ref("drawing/dims"): [ref("drawing/sections"), ref("drawing/tools")],
            ref("maintenance/lockout"): [],
            ref("maintenance/welding"): [ref("maintenance/lockout"), ref("drawing/dims")],
        ]
    }

    @Test func attendingAnEntryWorkshopOpensWhatRequiresOnlyIt() {
        #expect(Readiness.readyFor(known: [ref("drawing/eye")], graph: graph) == [ref("drawing/tools"), ref("drawing/views")])
    }

    @Test func aWorkshopNeedsEveryPrerequisiteNotJustOne() {
        let known: Set = [ref("drawing/eye"), ref("drawing/views"), ref("drawing/sections")]
        let ready = Readiness.readyFor(known: known, graph: graph)
        #expect(!ready.contains(ref("drawing/dims")))
        #expect(ready == [ref("drawing/iso"), ref("drawing/tools")])
        #expect(Readiness.readyFor(known: known.union([ref("drawing/tools")]), graph: graph).contains(ref("drawing/dims")))
    }

    @Test func workshopsAlreadyKnownAndWorkshopsWithoutPrerequisitesAreNotListed() {
        let ready = Readiness.readyFor(known: [ref("drawing/eye"), ref("drawing/views"), ref("drawing/tools")], graph: graph)
        #expect(!ready.contains(ref("drawing/views")) && !ready.contains(ref("drawing/tools")))
        #expect(!ready.contains(ref("maintenance/lockout")))
        #expect(Readiness.readyFor(known: [], graph: graph).isEmpty)
    }

    @Test func prerequisitesAcrossCurriculaCount() {
        let known: Set = [ref("maintenance/lockout"), ref("drawing/dims")]
        #expect(Readiness.readyFor(known: known, graph: graph).contains(ref("maintenance/welding")))
        #expect(!Readiness.readyFor(known: [ref("maintenance/lockout")], graph: graph).contains(ref("maintenance/welding")))
    }
}

@Suite struct TeachingLineageTests {
    static func id(_ n: Int) -> EntityID {
        let s = String(n)
        return EntityID(trusted: "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - s.count) + s)
    }

    let ana = id(1), beto = id(2), carla = id(3), dani = id(4), eva = id(5)
    let gaviota = id(100), amuay = id(101)
    let day: Int64 = 86_400

    func session(_ n: Int, battle: EntityID, day offset: Int64, teachers: [EntityID], learners: [EntityID]) -> LineageSession {
        LineageSession(id: Self.id(1000 + n), battle: battle, start: 1_741_600_000 + offset * day,
                       date: CivilDate(daysSinceEpoch: Int(1_741_600_000 / 86_400 + offset)), teachers: teachers, learners: learners)
    }

    @Test func aLearnerWhoLaterTaughtHasTheirOwnSubtreeUnderTheirTeacher() {
        let lineage = TeachingLineage(sessions: [
            session(2, battle: amuay, day: 90, teachers: [beto], learners: [carla]),
            session(1, battle: gaviota, day: 0, teachers: [ana], learners: [beto, dani]),
        ])
        #expect(lineage.people == [ana, beto, dani, carla])
        #expect(lineage.edges.map { [$0.teacher, $0.learner] } == [[ana, beto], [ana, dani], [beto, carla]])
        #expect(lineage.roots.map(\.person) == [ana])
        let root = lineage.roots[0]
        #expect(root.teachings.count == 1)
        #expect(root.teachings[0].battle == gaviota)
        #expect(root.teachings[0].learners.map(\.person) == [beto, dani])
        let betoNode = root.teachings[0].learners[0]
        #expect(betoNode.teachings.map(\.battle) == [amuay])
        #expect(betoNode.teachings[0].learners.map(\.person) == [carla])
        #expect(betoNode.teachings[0].learners[0].teachings.isEmpty)
        #expect(root.teachings[0].learners[1].teachings.isEmpty)
    }

    @Test func teachingsAreGroupedByBattleInTimeOrder() {
        let lineage = TeachingLineage(sessions: [
            session(1, battle: gaviota, day: 0, teachers: [ana], learners: [beto]),
            session(2, battle: gaviota, day: 1, teachers: [ana], learners: [carla, beto]),
            session(3, battle: amuay, day: 80, teachers: [ana], learners: [dani]),
        ])
        let root = try! #require(lineage.roots.first)
        #expect(root.teachings.map(\.battle) == [gaviota, amuay])
        #expect(root.teachings[0].sessions.count == 2)
        #expect(root.teachings[0].learners.map(\.person) == [beto, carla])
        #expect(root.teachings[0].date < root.teachings[1].date)
    }

    @Test func aLearnerSubtreeShowsOnlyWhatTheyTaughtAfterLearning() {
        // Beto taught first (a root), later learned it again from Ana, and taught once more.
        let lineage = TeachingLineage(sessions: [
            session(1, battle: gaviota, day: 0, teachers: [beto], learners: [carla]),
            session(2, battle: gaviota, day: 1, teachers: [ana], learners: [beto]),
            session(3, battle: amuay, day: 60, teachers: [beto], learners: [dani]),
        ])
        #expect(lineage.roots.map(\.person) == [beto, ana])
        #expect(lineage.roots[0].teachings.flatMap(\.learners).map(\.person) == [carla, dani])
        // Under Ana he is not expanded again: his teaching is shown where the tree first met him
        // (issue 22: a veteran's refreshers would otherwise repeat it under every teacher).
        let betoUnderAna = lineage.roots[1].teachings[0].learners[0]
        #expect(betoUnderAna.person == beto)
        #expect(betoUnderAna.elided == .shownAbove)
        #expect(lineage.edges.contains { $0.teacher == beto && $0.learner == dani })
    }

    @Test func someoneWhoLearnedAgainIsExpandedOnce() {
        // Carla learned from Ana, then again from Beto (a refresher), then taught Dani.
        let lineage = TeachingLineage(sessions: [
            session(1, battle: gaviota, day: 0, teachers: [ana], learners: [carla, beto]),
            session(2, battle: gaviota, day: 1, teachers: [beto], learners: [carla]),
            session(3, battle: amuay, day: 60, teachers: [carla], learners: [dani]),
        ])
        #expect(lineage.roots.map(\.person) == [ana])
        let underAna = lineage.roots[0].teachings[0].learners
        #expect(underAna.map(\.person) == [carla, beto])
        #expect(underAna[0].teachings.flatMap(\.learners).map(\.person) == [dani])
        #expect(underAna[1].teachings[0].learners.map(\.elided) == [.shownAbove])
    }

    @Test func aCycleIsNotDescendedInto() {
        // Ana taught Beto, later Beto taught Ana, later Ana taught Beto again.
        let lineage = TeachingLineage(sessions: [
            session(1, battle: gaviota, day: 0, teachers: [ana], learners: [beto]),
            session(2, battle: amuay, day: 30, teachers: [beto], learners: [ana]),
            session(3, battle: amuay, day: 31, teachers: [ana], learners: [beto]),
        ])
        #expect(lineage.roots.map(\.person) == [ana])
        let betoNode = lineage.roots[0].teachings[0].learners[0]
        let anaAgain = betoNode.teachings[0].learners[0]
        #expect(anaAgain.person == ana)
        #expect(anaAgain.elided == .cycle)
        #expect(anaAgain.teachings.isEmpty)
        // Ana's later teaching is still in her own tree.
        #expect(lineage.roots[0].teachings.map(\.battle) == [gaviota, amuay])
    }

    @Test func coFacilitatorsShareLearnersAndARepeatedSubtreeIsShownOnce() {
        let lineage = TeachingLineage(sessions: [
            session(1, battle: gaviota, day: 0, teachers: [ana, eva], learners: [beto]),
            session(2, battle: amuay, day: 40, teachers: [beto], learners: [carla]),
        ])
        #expect(lineage.roots.map(\.person) == [ana, eva])
        #expect(lineage.edges.filter { $0.learner == beto }.map(\.teacher) == [ana, eva])
        let first = lineage.roots[0].teachings[0].learners[0]
        let second = lineage.roots[1].teachings[0].learners[0]
        #expect(first.elided == nil && first.teachings.count == 1)
        #expect(second.person == beto && second.elided == .shownAbove)
    }

    @Test func someoneWhoAttendedOnlyASessionWithoutTeacherStillRootsTheirTeaching() {
        let lineage = TeachingLineage(sessions: [
            session(1, battle: gaviota, day: 0, teachers: [], learners: [beto]),
            session(2, battle: amuay, day: 10, teachers: [beto], learners: [carla]),
        ])
        #expect(lineage.roots.map(\.person) == [beto])
        #expect(lineage.people == [beto, carla])
    }

    @Test func learnersWhoNeverTaughtAreCountedNotListed() {
        // Issue 10: only the learners who teach are listed; the others are counted per teaching.
        func counted(_ n: Int, battle: EntityID, day offset: Int64, teachers: [EntityID], learners: [EntityID], attended: Int) -> LineageSession {
            LineageSession(id: Self.id(1000 + n), battle: battle, start: 1_741_600_000 + offset * day,
                           date: CivilDate(daysSinceEpoch: Int(1_741_600_000 / 86_400 + offset)), teachers: teachers, learners: learners,
                           attended: attended)
        }
        let lineage = TeachingLineage(sessions: [
            counted(1, battle: gaviota, day: 0, teachers: [ana], learners: [beto], attended: 12),
            counted(2, battle: gaviota, day: 1, teachers: [ana], learners: [], attended: 5),
            counted(3, battle: amuay, day: 90, teachers: [beto], learners: [], attended: 7),
        ])
        #expect(lineage.people == [ana, beto])
        #expect(lineage.edges.map { [$0.teacher, $0.learner] } == [[ana, beto]])
        let root = try! #require(lineage.roots.first)
        #expect(root.teachings.count == 1)
        #expect(root.teachings[0].attended == 17 && root.teachings[0].unlisted == 16)
        let betoNode = root.teachings[0].learners[0]
        #expect(betoNode.person == beto)
        #expect(betoNode.teachings[0].learners.isEmpty)
        #expect(betoNode.teachings[0].attended == 7 && betoNode.teachings[0].unlisted == 7)
        #expect(lineage.unlisted.map { [$0.teacher, $0.battle] } == [[ana, gaviota], [beto, amuay]])
        #expect(lineage.unlisted.map(\.count) == [16, 7])
    }

    @Test func everyLearnerListedLeavesNothingUnlisted() {
        let lineage = TeachingLineage(sessions: [session(1, battle: gaviota, day: 0, teachers: [ana], learners: [beto, carla])])
        #expect(lineage.roots[0].teachings[0].attended == 2 && lineage.roots[0].teachings[0].unlisted == 0)
        #expect(lineage.unlisted.isEmpty)
    }

    @Test func aLongChainOfTeachersIsBuiltOneLevelPerTeacherUpToTheDepthLimit() {
        // Each of 2,000 people learns from the previous one and teaches the next: the branch is 2,000 deep.
        // The nested tree stops at the limit (its readers all recurse); the edges hold the whole chain.
        let people = (0..<2_001).map { Self.id(10_000 + $0) }
        let sessions = (0..<2_000).map { n in
            session(n, battle: gaviota, day: Int64(n), teachers: [people[n]], learners: [people[n + 1]])
        }
        let lineage = TeachingLineage(sessions: sessions)
        #expect(lineage.roots.map(\.person) == [people[0]])
        var node = lineage.roots[0], depth = 0
        while let next = node.teachings.first?.learners.first { node = next; depth += 1 }
        let limit = TeachingLineage.maximumDepth
        #expect(depth == limit && node.person == people[limit] && node.elided == .tooDeep)
        #expect(lineage.edges.count == 2_000 && lineage.edges.last?.learner == people[2_000])
    }

    @Test func aChainAsDeepAsTheLimitIsShownWhole() {
        // The last learner of a chain exactly `maximumDepth` long taught nobody: a leaf, not cut.
        let limit = TeachingLineage.maximumDepth
        let people = (0...limit).map { Self.id(20_000 + $0) }
        let sessions = (0..<limit).map { n in
            session(n, battle: gaviota, day: Int64(n), teachers: [people[n]], learners: [people[n + 1]])
        }
        var node = TeachingLineage(sessions: sessions).roots[0], depth = 0
        while let next = node.teachings.first?.learners.first { node = next; depth += 1 }
        #expect(depth == limit && node.person == people[limit] && node.elided == nil)
    }

    @Test func noTeachingNoRoots() {
        #expect(TeachingLineage(sessions: []).roots.isEmpty)
        #expect(TeachingLineage(sessions: [session(1, battle: gaviota, day: 0, teachers: [], learners: [ana])]).roots.isEmpty)
    }
}

@Suite struct MergeAndRankingRulesTests {
    let session = TeachingLineageTests.id(900), kept = TeachingLineageTests.id(1), dropped = TeachingLineageTests.id(2)

    func p(_ person: EntityID, _ role: Role, _ status: AttendanceStatus) -> Participation {
        Participation(session: session, person: person, role: role, status: status)
    }

    @Test func theStrongerStatusAndRoleWinWhenBothWereInTheSameSession() {
        #expect(PersonMergeRules.combined(p(kept, .participant, .registered), p(dropped, .participant, .attended))
            == p(kept, .participant, .attended))
        #expect(PersonMergeRules.combined(p(kept, .participant, .attended), p(dropped, .participant, .absent))
            == p(kept, .participant, .attended))
        #expect(PersonMergeRules.combined(p(kept, .participant, .absent), p(dropped, .participant, .registered))
            == p(kept, .participant, .registered))
        #expect(PersonMergeRules.combined(p(kept, .participant, .attended), p(dropped, .facilitator, .registered))
            == p(kept, .facilitator, .attended))
        #expect(PersonMergeRules.combined(p(kept, .facilitator, .absent), p(dropped, .participant, .absent))
            == p(kept, .facilitator, .absent))
    }

    func candidate(_ n: Int, _ name: String, state: String?, taught: Int, attended: Int, last: String) -> FacilitatorCandidate {
        let day = try! CivilDate(iso: last)
        return FacilitatorCandidate(person: TeachingLineageTests.id(n), name: name, state: state, taught: taught, attended: attended,
                                    lastTaught: taught > 0 ? day : nil, lastAttended: attended > 0 ? day : nil)
    }

    @Test func peopleFromTheStateComeFirstThenTeachersThenTheMostRecent() {
        let list = [
            candidate(1, "Ana", state: "Falcón", taught: 3, attended: 0, last: "2025-06-01"),
            candidate(2, "Beto", state: "Sucre", taught: 0, attended: 1, last: "2025-07-01"),
            candidate(3, "Carla", state: "sucre ", taught: 1, attended: 1, last: "2025-01-01"),
            candidate(4, "Dani", state: nil, taught: 1, attended: 0, last: "2025-08-01"),
            candidate(5, "Eva", state: "Falcón", taught: 1, attended: 0, last: "2025-02-01"),
        ]
        #expect(FacilitatorRanking.ranked(list, nearState: "Sucre").map(\.name) == ["Carla", "Beto", "Ana", "Dani", "Eva"])
        #expect(FacilitatorRanking.ranked(list, nearState: nil).map(\.name) == ["Ana", "Dani", "Eva", "Carla", "Beto"])
    }
}
