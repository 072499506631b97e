using Google.OrTools.LinearSolver;

namespace ImpactMeasure.Reports.Disclosure;

/// <summary>The attacker's program restricted to the hidden cells near one cell, every other hidden cell held at its
/// true value. Its range lies inside the true range, so a range wide enough here is wide enough. Near: a few
/// identities away, at most a few cells (the largest) from each identity. Each identity's outside part is known
/// from its slack, so a program costs what the neighbourhood costs, however long the identities.</summary>
internal sealed class LocalPrograms : IDisposable
{
    private readonly Release _release;
    private readonly IReadOnlyList<Identity> _identities;
    private readonly List<(int Line, int Coefficient)>[] _linesOf;
    private readonly long[] _slack;
    private readonly int[][] _hiddenByLine;
    private readonly Witnesses _witnesses;
    private readonly ThreadLocal<Solver> _solvers = new(() => Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("the GLOP linear solver is not available"), trackAllValues: true);

    public LocalPrograms(Release release, IReadOnlyList<Identity> identities, bool[] hidden, Witnesses witnesses)
    {
        _release = release;
        _witnesses = witnesses;
        _identities = identities;
        _linesOf = Enumerable.Range(0, release.Keys.Count).Select(_ => new List<(int, int)>()).ToArray();
        _slack = new long[identities.Count];
        for (var l = 0; l < identities.Count; l++)
        {
            for (var i = 0; i < identities[l].Cells.Length; i++)
            {
                var cell = identities[l].Cells[i];
                _linesOf[cell].Add((l, identities[l].Coefficients[i]));
                _slack[l] += identities[l].Coefficients[i] * release.Values[cell];
            }
        }
        _hiddenByLine = identities.Select(i => i.Cells.Where(c => hidden[c]).OrderByDescending(c => release.Values[c]).ThenBy(c => c).ToArray()).ToArray();
    }

    /// <summary>The cell's range on its neighbourhood, or its witnessed range once that holds <c>threshold</c>
    /// values (the second program is then not needed).</summary>
    public FeasibleRanges.Range Range(int cell, (int Depth, int PerLine, int Cells) reach, int threshold)
    {
        var cells = Neighbourhood(cell, reach);
        var cap = _release.Cap;
        // One solver per thread, cleared for each program: making a solver costs more than a small program.
        var solver = _solvers.Value!;
        solver.Clear();
        var variables = cells.ToDictionary(c => c, c => solver.MakeNumVar(1, cap, ""));
        var terms = new Dictionary<int, List<(int Cell, int Coefficient)>>();
        foreach (var c in cells)
        {
            foreach (var (line, coefficient) in _linesOf[c])
            {
                if (!terms.TryGetValue(line, out var list))
                    terms[line] = list = [];
                list.Add((c, coefficient));
            }
        }
        foreach (var (line, inside) in terms)
        {
            // Σ inside coefficient × x + (slack − Σ inside coefficient × value) is 0 (exact) or ≥ 0.
            double insideValue = inside.Sum(t => (double)t.Coefficient * _release.Values[t.Cell]);
            var rest = _slack[line] - insideValue;
            var constraint = solver.MakeConstraint(-rest, _identities[line].Exact ? -rest : double.PositiveInfinity);
            foreach (var (c, coefficient) in inside)
                constraint.SetCoefficient(variables[c], coefficient);
        }
        // The top first: moving a cell up moves its partners furthest, so its solution certifies the most
        // neighbours; the bottom only when the witnesses do not already cover the cell.
        var objective = solver.Objective();
        objective.SetCoefficient(variables[cell], 1);
        objective.SetMaximization();
        var status = solver.Solve();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.UNBOUNDED))
            throw new InvalidOperationException($"the disclosure audit could not solve near {_release.Keys[cell]}: {status}");
        var max = status == Solver.ResultStatus.OPTIMAL && variables[cell].SolutionValue() < cap - 0.5 ? variables[cell].SolutionValue() : double.PositiveInfinity;
        if (status == Solver.ResultStatus.OPTIMAL)
            Record(variables);
        if (_witnesses.Certify(cell, threshold, max) is { } seen)
            return seen;
        objective.SetMinimization();
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
            throw new InvalidOperationException($"the disclosure audit could not solve near {_release.Keys[cell]}");
        var min = variables[cell].SolutionValue();
        Record(variables);
        return new FeasibleRanges.Range(cell, min, max);
    }

    private void Record(Dictionary<int, Variable> variables) =>
        _witnesses.Record(variables.Select(v => (v.Key, v.Value.SolutionValue())).ToList());

    private List<int> Neighbourhood(int cell, (int Depth, int PerLine, int Cells) reach)
    {
        var cells = new HashSet<int> { cell };
        var lines = new HashSet<int>();
        var frontier = new List<int> { cell };
        for (var depth = 0; depth < reach.Depth && cells.Count < reach.Cells; depth++)
        {
            var next = new List<int>();
            foreach (var line in frontier.SelectMany(c => _linesOf[c]).Select(l => l.Line).Where(lines.Add).ToList())
            {
                next.AddRange(_hiddenByLine[line].Where(c => !cells.Contains(c)).Take(reach.PerLine).Where(cells.Add));
            }
            frontier = next;
        }
        return [.. cells.Order()];
    }

    public void Dispose()
    {
        foreach (var solver in _solvers.Values)
            solver.Dispose();
        _solvers.Dispose();
    }
}
