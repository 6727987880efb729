import Testing
import FormationDomain

@Suite struct NumberedPrerequisitesTests {
    func graph(_ edges: [[Int32]]) -> NumberedPrerequisites {
        var graph = NumberedPrerequisites()
        for required in edges { graph.append(requiring: required) }
        return graph
    }

    @Test func keepsEachWorkshopsPrerequisitesInOrder() {
        let g = graph([[], [0], [1, 0], []])
        #expect(g.count == 4)
        #expect(Array(g.prerequisites(of: 2)) == [1, 0])
        #expect(g.prerequisites(of: 3).isEmpty)
    }

    @Test func aChainHasNoCycle() {
        #expect(graph([[], [0], [1], [2, 0]]).findCycle() == nil)
    }

    @Test func namesTheCycleAsAClosedPath() {
        // 0 requires 2, 2 requires 1, 1 requires 0: found from 0, edges in order.
        #expect(graph([[2], [0], [1], [0]]).findCycle() == [0, 2, 1, 0])
    }

    @Test func aWorkshopRequiringItselfIsACycle() {
        #expect(graph([[], [1]]).findCycle() == [1, 1])
    }

    @Test func aCycleBehindADoneBranchIsStillFound() {
        // 0 → 1 (done), 2 → 3 → 2.
        #expect(graph([[1], [], [3], [2]]).findCycle() == [2, 3, 2])
    }

    @Test func aVeryDeepChainDoesNotOverflowTheStack() {
        let count = 200_000
        var g = NumberedPrerequisites()
        g.append(requiring: [])
        for node in 1 ..< count { g.append(requiring: [Int32(node - 1)]) }
        #expect(g.findCycle() == nil)
        g.append(requiring: [Int32(count)])  // the last one requires itself
        #expect(g.findCycle() == [count, count])
    }
}
