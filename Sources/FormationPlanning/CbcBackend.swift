internal import CCbc

/// Solves `problem` with CBC, starting from `start` when given. All C pointers live and die in this
/// synchronous function (STYLE.md: keep each C resource inside one synchronous call).
func solveWithCbc(_ problem: MIPProblem, start: [Double]?, timeLimit: Double, threads: Int, log: Bool,
                  parameters: [(String, String)] = []) -> MIPResult {
    let columns = problem.columnCount
    guard let model = Cbc_newModel() else { return MIPResult(values: nil, objective: 0, bound: 0, provenOptimal: false, status: "no model") }
    defer { Cbc_deleteModel(model) }

    // Column-major (CSC) matrix from the rows.
    var counts = [Int](repeating: 0, count: columns + 1)
    for row in problem.rows { for index in row.indices { counts[Int(index) + 1] += 1 } }
    for c in 0..<columns { counts[c + 1] += counts[c] }
    var starts = counts.map { CoinBigIndex($0) }
    var fill = counts
    var rowIndex = [Int32](repeating: 0, count: counts[columns])
    var values = [Double](repeating: 0, count: counts[columns])
    for (r, row) in problem.rows.enumerated() {
        for (k, index) in row.indices.enumerated() {
            let at = fill[Int(index)]
            rowIndex[at] = Int32(r)
            values[at] = row.values[k]
            fill[Int(index)] += 1
        }
    }
    var lower = [Double](repeating: 0, count: columns)
    var upper = problem.upper
    var objective = problem.objective
    var rowLower = problem.rows.map { $0.lower == -.infinity ? -Double.greatestFiniteMagnitude : $0.lower }
    var rowUpper = problem.rows.map { $0.upper == .infinity ? Double.greatestFiniteMagnitude : $0.upper }
    Cbc_loadProblem(model, Int32(columns), Int32(problem.rows.count), &starts, &rowIndex, &values,
                    &lower, &upper, &objective, &rowLower, &rowUpper)
    for c in 0..<columns where problem.integer[c] { Cbc_setInteger(model, Int32(c)) }
    Cbc_setObjSense(model, -1)
    Cbc_setLogLevel(model, log ? 1 : 0)
    Cbc_setMaximumSeconds(model, timeLimit)
    // The limit is wall-clock time (CBC counts CPU time by default), set as the command line sets it.
    Cbc_setParameter(model, "timeMode", "elapsed")
    Cbc_setParameter(model, "sec", String(timeLimit))
    // Objectives are integer combinations of integer weights: a gap under 1 is no gap.
    Cbc_setAllowableGap(model, 0.999)
    // With a MIP start, CBC 2.10's preprocessing now and then crashes mapping the solution back
    // (a null pointer in CglPreProcess::postProcess, seen when the search stops on its clock).
    if start != nil { Cbc_setParameter(model, "preprocess", "off") }
    for (name, value) in parameters { Cbc_setParameter(model, name, value) }
    if threads > 1 { Cbc_setParameter(model, "threads", String(threads)) }
    if var start {
        var indices = (0..<Int32(columns)).map { $0 }
        Cbc_setMIPStartI(model, Int32(columns), &indices, &start)
    }
    let status = Cbc_solve(model)
    let optimal = Cbc_isProvenOptimal(model) != 0
    var solution: [Double]?
    if let best = Cbc_bestSolution(model) {
        solution = Array(UnsafeBufferPointer(start: best, count: columns))
    }
    let objectiveValue = solution == nil ? 0 : Cbc_getObjValue(model)
    var bound = Cbc_getBestPossibleObjValue(model)
    if optimal { bound = objectiveValue }
    return MIPResult(values: solution, objective: objectiveValue, bound: bound, provenOptimal: optimal,
                     status: "status \(status), secondary \(Cbc_secondaryStatus(model))")
}
