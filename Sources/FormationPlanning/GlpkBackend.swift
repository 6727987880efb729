internal import CGLPK

/// What the branch-and-cut callback sees: the start to offer once, and the best bound it met.
private final class GlpkSearch {
    var start: [Double]?
    var bound: Double = .infinity
    init(start: [Double]?) { self.start = start }
}

/// Solves `problem` with GLPK (`glp_intopt`, presolve off so that the start can be offered as a
/// heuristic solution). All C pointers live and die in this synchronous function.
func solveWithGlpk(_ problem: MIPProblem, start: [Double]?, timeLimit: Double, log: Bool) -> MIPResult {
    let columns = problem.columnCount
    guard let lp = glp_create_prob() else { return MIPResult(values: nil, objective: 0, bound: 0, provenOptimal: false, status: "no problem") }
    defer { glp_delete_prob(lp) }
    glp_set_obj_dir(lp, GLP_MAX)
    glp_add_cols(lp, Int32(columns))
    for c in 0..<columns {
        if problem.integer[c] {
            glp_set_col_kind(lp, Int32(c + 1), GLP_BV)
        } else {
            glp_set_col_bnds(lp, Int32(c + 1), GLP_DB, 0, 1)
        }
        glp_set_obj_coef(lp, Int32(c + 1), problem.objective[c])
    }
    glp_add_rows(lp, Int32(problem.rows.count))
    for (r, row) in problem.rows.enumerated() {
        let kind: Int32
        switch (row.lower.isFinite, row.upper.isFinite) {
        case (true, true): kind = row.lower == row.upper ? GLP_FX : GLP_DB
        case (true, false): kind = GLP_LO
        case (false, true): kind = GLP_UP
        case (false, false): kind = GLP_FR
        }
        glp_set_row_bnds(lp, Int32(r + 1), kind, row.lower.isFinite ? row.lower : 0, row.upper.isFinite ? row.upper : 0)
        var indices = [Int32(0)] + row.indices.map { $0 + 1 }
        var values = [0.0] + row.values
        glp_set_mat_row(lp, Int32(r + 1), Int32(row.indices.count), &indices, &values)
    }
    var simplex = glp_smcp()
    glp_init_smcp(&simplex)
    simplex.msg_lev = log ? GLP_MSG_ON : GLP_MSG_OFF
    simplex.tm_lim = Int32(timeLimit * 1000)
    let started = ContinuousClock.now
    guard glp_simplex(lp, &simplex) == 0, glp_get_status(lp) == GLP_OPT else {
        return MIPResult(values: nil, objective: 0, bound: 0, provenOptimal: false, status: "LP relaxation not solved")
    }
    let search = GlpkSearch(start: start)
    var parameters = glp_iocp()
    glp_init_iocp(&parameters)
    parameters.msg_lev = log ? GLP_MSG_ON : GLP_MSG_OFF
    parameters.tm_lim = Int32(max(1, timeLimit - started.duration(to: .now).seconds) * 1000)
    parameters.mip_gap = 0
    parameters.gmi_cuts = GLP_ON
    parameters.mir_cuts = GLP_ON
    parameters.clq_cuts = GLP_ON
    parameters.fp_heur = GLP_ON
    parameters.cb_func = { tree, info in
        guard let tree, let info else { return }
        let search = Unmanaged<GlpkSearch>.fromOpaque(info).takeUnretainedValue()
        let best = glp_ios_best_node(tree)
        if best != 0 { search.bound = min(search.bound, glp_ios_node_bound(tree, best)) }
        if glp_ios_reason(tree) == GLP_IHEUR, var start = search.start {
            search.start = nil
            start.insert(0, at: 0)
            _ = glp_ios_heur_sol(tree, &start)
        }
    }
    let status = withExtendedLifetime(search) {
        parameters.cb_info = Unmanaged.passUnretained(search).toOpaque()
        return glp_intopt(lp, &parameters)
    }
    let mipStatus = glp_mip_status(lp)
    let found = mipStatus == GLP_OPT || mipStatus == GLP_FEAS
    let optimal = mipStatus == GLP_OPT && status == 0
    let values = found ? (1...columns).map { glp_mip_col_val(lp, Int32($0)) } : nil
    let objective = found ? glp_mip_obj_val(lp) : 0
    let bound = optimal ? objective : (search.bound.isFinite ? search.bound : glp_get_obj_val(lp))
    return MIPResult(values: values, objective: objective, bound: bound, provenOptimal: optimal,
                     status: "glp_intopt \(status), mip status \(mipStatus)")
}

