/// An integer program in the solver-neutral form the planner builds: binary columns, sparse rows
/// with lower and upper bounds, maximised. The backend turns it into the C solver's arrays.
struct MIPProblem {
    var objective: [Double] = []
    var upper: [Double] = []
    var integer: [Bool] = []
    var rows: [Row] = []

    struct Row {
        var indices: [Int32]
        var values: [Double]
        var lower: Double
        var upper: Double
    }

    var columnCount: Int { objective.count }

    /// A new 0/1 column with its objective coefficient; returns its index.
    mutating func addBinary(objective coefficient: Double = 0) -> Int {
        objective.append(coefficient)
        upper.append(1)
        integer.append(true)
        return objective.count - 1
    }

    /// A new continuous column in [0, 1], outside the objective; returns its index.
    mutating func addContinuous() -> Int {
        objective.append(0)
        upper.append(1)
        integer.append(false)
        return objective.count - 1
    }

    mutating func addRow(_ terms: [(Int, Double)], lower: Double = -.infinity, upper: Double = .infinity) {
        guard !terms.isEmpty else { return }
        rows.append(Row(indices: terms.map { Int32($0.0) }, values: terms.map(\.1), lower: lower, upper: upper))
    }
}

/// What the backend returns.
struct MIPResult {
    /// Column values of the best solution found, or `nil` when none was found.
    var values: [Double]?
    var objective: Double
    /// The best bound the search proved (an upper bound, since we maximise).
    var bound: Double
    var provenOptimal: Bool
    var status: String
}
