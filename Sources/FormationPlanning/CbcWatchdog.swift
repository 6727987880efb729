internal import Foundation
internal import Synchronization

/// Runs `solveWithCbc` on its own thread and waits for it at most until `deadline`, so that the
/// planner keeps its time limit even when CBC does not: CBC reads its clock only between phases,
/// never inside the root LP relaxation, and its C interface offers no way to interrupt it.
///
/// - Returns: CBC's result, or `nil` when the deadline came first. The abandoned search then
///   finishes on its own thread (CBC's own limit stops it soon after the phase it is in) and frees
///   its model there; nothing it returns is read.
func solveWithCbc(_ problem: MIPProblem, start: [Double]?, timeLimit: Double, deadline: ContinuousClock.Instant,
                  threads: Int, log: Bool, parameters: [(String, String)]) -> MIPResult? {
    let box = ResultBox()
    let parameters = parameters.map { Pair(name: $0.0, value: $0.1) }
    SolverThreads.running.withLock { $0 += 1 }
    let thread = Thread {
        let result = solveWithCbc(problem, start: start, timeLimit: timeLimit, threads: threads, log: log,
                                  parameters: parameters.map { ($0.name, $0.value) })
        box.finish(result)
        SolverThreads.running.withLock { $0 -= 1 }
    }
    // CBC's recursion (cut generators, presolve) wants more than a secondary thread's default stack.
    thread.stackSize = 64 << 20
    thread.start()
    return box.wait(until: deadline)
}

/// How many CBC threads are still searching, abandoned at their deadline or not.
public enum SolverThreads {
    static let running = Mutex(0)

    /// Whether a search abandoned at its deadline is still running. A process must then end with
    /// `_exit`: `exit` would run CBC's C++ static destructors under that thread's feet.
    public static var anyRunning: Bool { running.withLock { $0 > 0 } }
}

/// A CBC parameter as a Sendable value, to cross into the solver's thread.
private struct Pair: Sendable {
    let name: String
    let value: String
}

/// The solver thread's result, handed over under a condition lock.
/// `@unchecked Sendable`: `result` is read and written only while `condition` is locked.
private final class ResultBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: MIPResult?
    private var done = false

    func finish(_ result: MIPResult) {
        condition.lock()
        defer { condition.unlock() }
        self.result = result
        done = true
        condition.broadcast()
    }

    func wait(until deadline: ContinuousClock.Instant) -> MIPResult? {
        condition.lock()
        defer { condition.unlock() }
        while !done {
            let left = ContinuousClock.now.duration(to: deadline).seconds
            if left <= 0 { break }
            _ = condition.wait(until: Date(timeIntervalSinceNow: left))
        }
        return result
    }
}
