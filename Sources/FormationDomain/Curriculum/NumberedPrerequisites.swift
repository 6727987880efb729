/// A prerequisite graph whose workshops are numbered `0..<count`, edges in one flat array.
///
/// An import checks the whole graph after writing tens of thousands of workshops; holding it as
/// `[WorkshopRef: [WorkshopRef]]` cost about 330 bytes a workshop (BENCHMARKS.md, memory), while
/// this costs 8 bytes a workshop and 4 an edge, so a pack's size does not show in the peak memory.
/// Whoever builds it keeps the numbering (the store numbers workshops in key order).
public struct NumberedPrerequisites: Sendable {
    /// `targets[start[n] ..< start[n + 1]]` are what workshop `n` requires, in the authors' order.
    private var start: [Int32] = [0]
    private var targets: [Int32] = []

    public init() {}

    /// How many workshops have been added.
    public var count: Int { start.count - 1 }

    /// Adds the next workshop (number `count`) with the numbers of what it requires.
    public mutating func append<Required: Sequence<Int32>>(requiring required: Required) {
        targets.append(contentsOf: required)
        start.append(Int32(targets.count))
    }

    /// What workshop `node` requires.
    public func prerequisites(of node: Int) -> ArraySlice<Int32> {
        targets[Int(start[node]) ..< Int(start[node + 1])]
    }

    /// A cycle if there is one, as the path `a → b → … → a` (first node repeated at the end). Starts
    /// are tried in numbering order and edges in the authors' order, so the same graph always gives
    /// the same cycle; iterative, so deep chains cannot overflow the stack.
    public func findCycle() -> [Int]? {
        // 0: not seen, 1: on the current path, 2: done.
        var marks = [UInt8](repeating: 0, count: count)
        var stack: [(node: Int, next: Int32)] = []
        for root in 0 ..< count where marks[root] == 0 {
            marks[root] = 1
            stack.append((root, start[root]))
            while let top = stack.last {
                if top.next < start[top.node + 1] {
                    stack[stack.count - 1].next += 1
                    let target = Int(targets[Int(top.next)])
                    switch marks[target] {
                    case 1:
                        let from = stack.lastIndex { $0.node == target }!
                        return stack[from...].map(\.node) + [target]
                    case 2:
                        continue
                    default:
                        marks[target] = 1
                        stack.append((target, start[target]))
                    }
                } else {
                    marks[top.node] = 2
                    stack.removeLast()
                }
            }
        }
        return nil
    }
}
