using Google.OrTools.LinearSolver;

namespace ImpactMeasure.Reports.Disclosure;

/// <summary>Every linear program of disclosure control is solved through here.</summary>
internal static class GlopSolve
{
    // GLOP starts each solve from the last one's basis; after some sequences of objectives it reports ABNORMAL (found by
    // the random releases: seed 60 once in CI, depending on which cells the other threads' witnesses had certified).
    // Solved again from a cold start, the same program solves; once (a PCN benchmark on PostgreSQL, 6 Dec 2026) it
    // did not, so a program still ABNORMAL is solved from cold by the dual simplex, then without presolve (GLOP
    // merges parameters, so each is set back afterwards). Only then does the caller see ABNORMAL and fail.
    private static readonly (string Set, string Unset)[] Fallbacks =
    [
        ("use_dual_simplex: true", "use_dual_simplex: false"),
        ("use_preprocessing: false", "use_preprocessing: true"),
    ];

    public static Solver.ResultStatus Cold(Solver solver)
    {
        ArgumentNullException.ThrowIfNull(solver);
        var status = solver.Solve();
        if (status != Solver.ResultStatus.ABNORMAL)
            return status;
        solver.Reset();
        status = solver.Solve();
        foreach (var (set, unset) in Fallbacks)
        {
            if (status != Solver.ResultStatus.ABNORMAL)
                break;
            solver.Reset();
            if (!solver.SetSolverSpecificParametersAsString(set))
                throw new InvalidOperationException($"GLOP refused the parameter {set}");
            status = solver.Solve();
            solver.SetSolverSpecificParametersAsString(unset);
        }
        return status;
    }
}
