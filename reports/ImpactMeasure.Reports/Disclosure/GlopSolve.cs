using Google.OrTools.LinearSolver;

namespace ImpactMeasure.Reports.Disclosure;

/// <summary>Every linear program of disclosure control is solved through here.</summary>
internal static class GlopSolve
{
    // GLOP starts each solve from the last one's basis; after some sequences of objectives it reports ABNORMAL (found by
    // the random releases: seed 60 once in CI, depending on which cells the other threads' witnesses had certified).
    // Solved again from a cold start, the same program solves.
    public static Solver.ResultStatus Cold(Solver solver)
    {
        var status = solver.Solve();
        if (status != Solver.ResultStatus.ABNORMAL)
            return status;
        solver.Reset();
        return solver.Solve();
    }
}
