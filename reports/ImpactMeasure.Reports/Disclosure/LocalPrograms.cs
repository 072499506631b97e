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
    private readonly (int Line, int Coefficient)[][] _linesOf;
    private readonly long[] _slack;
    private readonly int[][] _hiddenByLine;
    private readonly Witnesses _witnesses;
    private readonly ThreadLocal<LocalProgramWorkspace> _workspaces;

    public LocalPrograms(Release release, IdentityIndex index, bool[] hidden, Witnesses witnesses)
    {
        _release = release;
        _witnesses = witnesses;
        _identities = index.Identities;
        _linesOf = index.LinesOf;
        _slack = index.Slack;
        _hiddenByLine = new int[_identities.Count][];
        for (var line = 0; line < _identities.Count; line++)
            _hiddenByLine[line] = HiddenByValue(_identities[line].Cells, hidden, release.Values);
        _workspaces = new(() => new LocalProgramWorkspace(release.Keys.Count, _identities.Count), trackAllValues: true);
    }

    /// <summary>An identity's hidden cells, largest count first (ties by cell): the neighbourhood takes the first few
    /// of each identity. Written out rather than sorted through LINQ: nationally it runs for 100,000 identities a
    /// round, most of them with no hidden cell or one.</summary>
    private static int[] HiddenByValue(int[] cells, bool[] hidden, IReadOnlyList<long> values)
    {
        var count = 0;
        foreach (var c in cells)
            count += hidden[c] ? 1 : 0;
        if (count == 0)
            return [];
        var result = new int[count];
        count = 0;
        foreach (var c in cells)
        {
            if (hidden[c])
                result[count++] = c;
        }
        if (count > 1)
            Array.Sort(result, (a, b) => values[a] != values[b] ? values[b].CompareTo(values[a]) : a.CompareTo(b));
        return result;
    }

    /// <summary>The cell's range on its neighbourhood, or its witnessed range once that holds <c>threshold</c>
    /// values (the second program is then not needed). Solved by <see cref="SmallSimplex"/>, or by GLOP where the
    /// simplex cannot.</summary>
    public FeasibleRanges.Range Range(int cell, (int Depth, int PerLine, int Cells) reach, int threshold)
    {
        var w = _workspaces.Value!;
        w.Begin();
        Neighbourhood(w, cell, reach);
        w.Cells.Sort();
        Fix(w);
        if (w.Fixed[w.Slot[cell]])
            return new FeasibleRanges.Range(cell, _release.Values[cell], _release.Values[cell]);
        return Simplex(w, cell, threshold) ?? Glop(w, cell, threshold);
    }

    /// <summary>The cell's range by <see cref="SmallSimplex"/>, or its witnessed range once that is wide enough; null
    /// when the simplex could not solve the program (GLOP then does).</summary>
    private FeasibleRanges.Range? Simplex(LocalProgramWorkspace w, int cell, int threshold)
    {
        var cap = _release.Cap;
        var simplex = w.Simplex;
        var count = 0;
        for (var i = 0; i < w.Cells.Count; i++)
            w.Variable[i] = w.Fixed[i] ? -1 : count++;
        simplex.Reset(count);
        for (var i = 0; i < w.Cells.Count; i++)
        {
            if (w.Fixed[i])
                continue;
            var value = _release.Values[w.Cells[i]];
            simplex.Bound(w.Variable[i], Math.Min(0, w.Low[i] - value), Math.Max(0, Math.Min(cap, w.High[i]) - value));
        }
        for (var s = 0; s < w.Lines.Count; s++)
        {
            if (w.Live[s] < 2)
                continue;
            // Fixed cells and cells outside keep their true counts, so only the live terms move the identity, which
            // was at its slack (0 when exact).
            var terms = 0;
            foreach (var (c, coefficient) in w.Terms(s))
            {
                if (!w.Fixed[c])
                    w.Row[terms++] = (w.Variable[c], coefficient);
            }
            var exact = _identities[w.Lines[s]].Exact;
            simplex.Row(w.Row.AsSpan(0, terms), exact, exact ? 0 : _slack[w.Lines[s]]);
        }
        simplex.Start();
        var target = w.Variable[w.Slot[cell]];
        if (simplex.Push(target, up: true) != SmallSimplex.Outcome.Optimal)
            return null;
        var max = _release.Values[cell] + simplex.Move(target);
        Record(w, simplex);
        if (_witnesses.Certify(cell, threshold, max) is { } seen)
            return seen;
        if (simplex.Push(target, up: false) != SmallSimplex.Outcome.Optimal)
            return null;
        var range = new FeasibleRanges.Range(cell, _release.Values[cell] + simplex.Move(target), max >= cap - 0.5 ? double.PositiveInfinity : max);
        Record(w, simplex);
        return range;
    }

    private void Record(LocalProgramWorkspace w, SmallSimplex simplex)
    {
        var solution = new List<(int Cell, double Value)>(w.Cells.Count);
        for (var i = 0; i < w.Cells.Count; i++)
        {
            if (w.Variable[i] >= 0)
                solution.Add((w.Cells[i], _release.Values[w.Cells[i]] + simplex.Move(w.Variable[i])));
        }
        _witnesses.Record(solution);
    }

    /// <summary>The cell's range on its neighbourhood by GLOP.</summary>
    private FeasibleRanges.Range Glop(LocalProgramWorkspace w, int cell, int threshold)
    {
        var cap = _release.Cap;
        // One solver per thread, cleared for each program: making a solver costs more than a small program.
        var program = w.Glop;
        program.Clear();
        var variables = new Variable?[w.Cells.Count];
        for (var i = 0; i < w.Cells.Count; i++)
        {
            if (!w.Fixed[i])
                variables[i] = program.Variable(w.Low[i], Math.Min(cap, w.High[i]));
        }
        for (var s = 0; s < w.Lines.Count; s++)
        {
            if (w.Live[s] < 2)
                continue;
            // Σ live coefficient × x + (slack − Σ live coefficient × value) is 0 (exact) or ≥ 0; fixed cells keep
            // their true values, so they belong to the known part.
            var line = w.Lines[s];
            var rest = (double)_slack[line];
            foreach (var (c, coefficient) in w.Terms(s))
            {
                if (!w.Fixed[c])
                    rest -= (double)coefficient * _release.Values[w.Cells[c]];
            }
            var constraint = program.Constraint(-rest, _identities[line].Exact ? -rest : double.PositiveInfinity);
            foreach (var (c, coefficient) in w.Terms(s))
            {
                if (!w.Fixed[c])
                    constraint.SetCoefficient(variables[c], coefficient);
            }
        }
        // The top first: moving a cell up moves its partners furthest, so its solution certifies the most
        // neighbours; the bottom only when the witnesses do not already cover the cell.
        var target = variables[w.Slot[cell]]!;
        var objective = program.Objective;
        objective.SetCoefficient(target, 1);
        objective.SetMaximization();
        var status = GlopSolve.Cold(program.Solver);
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.UNBOUNDED))
            throw new InvalidOperationException($"the disclosure audit could not solve near {_release.Keys[cell]}: {status}");
        var max = status == Solver.ResultStatus.OPTIMAL && target.SolutionValue() < cap - 0.5 ? target.SolutionValue() : double.PositiveInfinity;
        if (status == Solver.ResultStatus.OPTIMAL)
            Record(w, variables);
        if (_witnesses.Certify(cell, threshold, max) is { } seen)
            return seen;
        objective.SetMinimization();
        if (GlopSolve.Cold(program.Solver) != Solver.ResultStatus.OPTIMAL)
            throw new InvalidOperationException($"the disclosure audit could not solve near {_release.Keys[cell]}");
        var min = target.SolutionValue();
        Record(w, variables);
        return new FeasibleRanges.Range(cell, min, max);
    }

    private void Record(LocalProgramWorkspace w, Variable?[] variables)
    {
        var solution = new List<(int Cell, double Value)>(variables.Length);
        for (var i = 0; i < variables.Length; i++)
        {
            if (variables[i] is { } v)
                solution.Add((w.Cells[i], v.SolutionValue()));
        }
        _witnesses.Record(solution);
    }

    private void Neighbourhood(LocalProgramWorkspace w, int cell, (int Depth, int PerLine, int Cells) reach)
    {
        w.AddCell(cell);
        w.Frontier.Clear();
        w.Frontier.Add(cell);
        for (var depth = 0; depth < reach.Depth && w.Cells.Count < reach.Cells; depth++)
        {
            w.Next.Clear();
            foreach (var c in w.Frontier)
            {
                foreach (var (line, _) in _linesOf[c])
                {
                    if (!w.VisitLine(line))
                        continue;
                    var taken = 0;
                    foreach (var h in _hiddenByLine[line])
                    {
                        if (taken == reach.PerLine)
                            break;
                        if (w.AddCell(h))
                        {
                            w.Next.Add(h);
                            taken++;
                        }
                    }
                }
            }
            (w.Frontier, w.Next) = (w.Next, w.Frontier);
        }
    }

    /// <summary>Collects the identities the neighbourhood touches and fixes what they fix before any solver sees
    /// them: an exact identity with one free cell inside pins that cell to its true value (the rest are held), which
    /// may leave another with one, and so on; an inequality with one free cell bounds it. What GLOP's presolve would
    /// find, found without building it.</summary>
    private void Fix(LocalProgramWorkspace w)
    {
        for (var i = 0; i < w.Cells.Count; i++)
            w.Slot[w.Cells[i]] = i;
        w.CollectLines(_linesOf);
        var queue = new Queue<int>();
        for (var s = 0; s < w.Lines.Count; s++)
        {
            if (w.Live[s] == 1 && _identities[w.Lines[s]].Exact)
                queue.Enqueue(s);
        }
        while (queue.TryDequeue(out var s))
        {
            if (w.Live[s] != 1)
                continue;
            foreach (var (c, _) in w.Terms(s))
            {
                if (w.Fixed[c])
                    continue;
                w.Fixed[c] = true;
                foreach (var (line, _) in _linesOf[w.Cells[c]])
                {
                    var other = w.LineSlot(line);
                    if (--w.Live[other] == 1 && _identities[line].Exact)
                        queue.Enqueue(other);
                }
                break;
            }
        }
        for (var s = 0; s < w.Lines.Count; s++)
        {
            if (w.Live[s] != 1 || _identities[w.Lines[s]].Exact)
                continue;
            // coefficient × x + rest ≥ 0, rest being the line's true value less this cell's part.
            foreach (var (c, coefficient) in w.Terms(s))
            {
                if (w.Fixed[c])
                    continue;
                var value = (double)_release.Values[w.Cells[c]];
                var rest = _slack[w.Lines[s]] - (coefficient * value);
                if (coefficient > 0)
                    w.Low[c] = Math.Max(w.Low[c], -rest / coefficient);
                else
                    w.High[c] = Math.Min(w.High[c], rest / -coefficient);
            }
        }
    }

    public void Dispose()
    {
        foreach (var workspace in _workspaces.Values)
            workspace.Glop.Dispose();
        _workspaces.Dispose();
    }
}
