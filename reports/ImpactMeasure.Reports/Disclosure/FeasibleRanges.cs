using Google.OrTools.LinearSolver;

namespace ImpactMeasure.Reports.Disclosure;

/// <summary>The attacker's view of a release: for each hidden count, the least and greatest value consistent with
/// every published count and every identity (a linear program per bound, GLOP), hidden counts being at least 1.
/// Hidden cells that share no identity are independent, so each connected group is solved on its own.</summary>
public static class FeasibleRanges
{
    /// <summary>One hidden cell's feasible range and how many whole numbers it leaves.</summary>
    public sealed record Range(int Cell, double Min, double Max)
    {
        public long PossibleValues => double.IsPositiveInfinity(Max) ? long.MaxValue
            : (long)Math.Floor(Max + 1e-6) - (long)Math.Ceiling(Min - 1e-6) + 1;
    }

    /// <summary>The ranges of the hidden cells <c>audit</c> picks (default all): a cell found safe once stays safe
    /// when more cells are hidden, since hiding only lets more values fit.</summary>
    internal static IReadOnlyList<Range> Compute(Release release, IdentityIndex index, bool[] hidden, int threshold = 1, Func<int, bool>? audit = null,
        Witnesses? witnesses = null)
    {
        var identities = index.Identities;
        var groups = Groups(identities, hidden);
        var ranges = new List<Range>();
        witnesses ??= new Witnesses(release);
        using var local = new LocalPrograms(release, index, hidden, witnesses);
        // Small groups are solved exactly, each on its own solver, so they run in parallel and their order does not
        // change any range.
        var small = groups.Where(g => g.Cells.Count <= LargeGroup).ToList();
        var solved = new IEnumerable<Range>[small.Count];
        Parallel.For(0, small.Count, OneThreadPerCore, g =>
        {
            var (cells, lines) = small[g];
            var wanted = audit is null ? cells : cells.Where(audit).ToList();
            solved[g] = wanted.Count == 0 ? [] : Solve(release, identities, hidden, cells, lines, wanted, witnesses, threshold).ToList();
        });
        ranges.AddRange(solved.SelectMany(r => r));
        foreach (var (cells, lines) in groups.Where(g => g.Cells.Count > LargeGroup))
        {
            var wanted = audit is null ? cells : cells.Where(audit).ToList();
            if (wanted.Count == 0)
                continue;
            // A large group is audited cell by cell on a neighbourhood: a restriction of the attacker's program, so
            // a range wide enough there is wide enough in truth. A cell not shown safe so is reported weak and gets
            // a complement; this may hide a little more than the whole group's program would, never less.
            // In batches whose cells see only the witnesses of earlier batches, so the verdicts do not depend on
            // which thread ran first. A batch takes every n-th cell: neighbours fall in different batches, so each
            // batch's solutions certify much of the next.
            var found = new Range[wanted.Count];
            var batches = (wanted.Count + Batch - 1) / Batch;
            for (var b = 0; b < batches; b++)
            {
                using var batch = witnesses.Batch();
                Parallel.For(0, (wanted.Count - b + batches - 1) / batches, OneThreadPerCore, j =>
                {
                    var i = b + (j * batches);
                    if (witnesses.Certify(wanted[i], threshold) is { } seen)
                    {
                        found[i] = seen;
                        return;
                    }
                    var range = local.Range(wanted[i], Near, threshold);
                    found[i] = range.PossibleValues >= threshold ? range : local.Range(wanted[i], Wider, threshold);
                });
            }
            ranges.AddRange(found);
        }
        return ranges;
    }

    // Measured on a national 24-month release: wider reaches certify few more cells and cost far more per program.
    private static readonly (int Depth, int PerLine, int Cells) Near = (3, 4, 60);
    private static readonly (int Depth, int PerLine, int Cells) Wider = (4, 8, 300);

    private const int Batch = 256;

    /// <summary>The programs use no locks worth blocking on, so more threads than cores only take turns: measured,
    /// the thread pool's extra threads made the national audit about a tenth slower.</summary>
    internal static readonly ParallelOptions OneThreadPerCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>Groups of more hidden cells than this are audited cell by cell on a neighbourhood.</summary>
    private const int LargeGroup = 150;

    private static List<(List<int> Cells, List<int> Lines)> Groups(IReadOnlyList<Identity> identities, bool[] hidden)
    {
        var root = Enumerable.Range(0, hidden.Length).ToArray();
        int Find(int x)
        {
            while (root[x] != x)
                x = root[x] = root[root[x]];
            return x;
        }
        var touching = new List<int>();
        for (var l = 0; l < identities.Count; l++)
        {
            var first = -1;
            foreach (var cell in identities[l].Cells)
            {
                if (!hidden[cell])
                    continue;
                if (first < 0)
                    first = cell;
                else
                    root[Find(cell)] = Find(first);
            }
            if (first >= 0)
                touching.Add(l);
        }
        var cellsByRoot = Enumerable.Range(0, hidden.Length).Where(i => hidden[i]).GroupBy(Find).ToDictionary(g => g.Key, g => g.ToList());
        var linesByRoot = touching.GroupBy(l => Find(identities[l].Cells.First(c => hidden[c]))).ToDictionary(g => g.Key, g => g.ToList());
        return cellsByRoot.OrderBy(g => g.Key).Select(g => (g.Value, linesByRoot.GetValueOrDefault(g.Key) ?? [])).ToList();
    }

    private static IEnumerable<Range> Solve(Release release, IReadOnlyList<Identity> identities, bool[] hidden, List<int> cells, List<int> lines,
        List<int> only, Witnesses witnesses, int threshold)
    {
        if (lines.Count == 0)
            return only.Select(c => new Range(c, 1, double.PositiveInfinity));
        using var program = new GlopProgram();
        var solver = program.Solver;
        // A finite cap (no count exceeds the sum of all of them) keeps every program bounded: GLOP may call an
        // unbounded one infeasible. A range that reaches the cap is as good as unbounded.
        var cap = release.Cap;
        var variables = cells.ToDictionary(c => c, c => program.Variable(1, cap));
        foreach (var l in lines)
        {
            var identity = identities[l];
            double known = 0;
            var constraint = identity.Exact ? program.Constraint(0, 0) : program.Constraint(0, double.PositiveInfinity);
            for (var i = 0; i < identity.Cells.Length; i++)
            {
                var cell = identity.Cells[i];
                if (hidden[cell])
                    constraint.SetCoefficient(variables[cell], identity.Coefficients[i]);
                else
                    known += identity.Coefficients[i] * release.Values[cell];
            }
            constraint.SetLb(-known);
            constraint.SetUb(identity.Exact ? -known : double.PositiveInfinity);
        }
        var objective = program.Objective;
        var result = new List<Range>(only.Count);
        foreach (var cell in only)
        {
            if (witnesses.Certify(cell, threshold) is { } seen)
            {
                result.Add(seen);
                continue;
            }
            objective.Clear();
            objective.SetCoefficient(variables[cell], 1);
            objective.SetMinimization();
            var minStatus = GlopSolve.Cold(solver);
            if (minStatus != Solver.ResultStatus.OPTIMAL)
                throw new InvalidOperationException($"the disclosure audit could not solve for {release.Keys[cell]}: {minStatus}");
            var min = variables[cell].SolutionValue();
            witnesses.Record(variables.Select(v => (v.Key, v.Value.SolutionValue())).ToList());
            if (witnesses.Certify(cell, threshold) is { } certified)
            {
                result.Add(certified);
                continue;
            }
            objective.SetMaximization();
            var status = GlopSolve.Cold(solver);
            var max = status == Solver.ResultStatus.OPTIMAL && variables[cell].SolutionValue() < cap - 0.5 ? variables[cell].SolutionValue() : double.PositiveInfinity;
            if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.UNBOUNDED))
                throw new InvalidOperationException($"the disclosure audit could not solve for {release.Keys[cell]}: {status}");
            if (status == Solver.ResultStatus.OPTIMAL)
                witnesses.Record(variables.Select(v => (v.Key, v.Value.SolutionValue())).ToList());
            result.Add(new Range(cell, min, max));
        }
        return result;
    }
}
