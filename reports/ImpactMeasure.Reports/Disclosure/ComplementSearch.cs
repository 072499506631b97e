using Google.OrTools.LinearSolver;

namespace ImpactMeasure.Reports.Disclosure;

/// <summary>Finds the complements that protect one hidden cell the audit found too narrow — the attacker's
/// sub-problem of Fischetti and Salazar's method, as a linear program: let the published cells near the weak cell
/// move away from their values, at a cost of their value per unit (a total of the release a thousand times that),
/// and find the cheapest movement under which the weak cell can reach the top of a range of <c>threshold</c>
/// values while every identity still holds. The cells that had to move are the complements. The neighbourhood grows
/// (cells within 2, 4, then any number of identities) until such a movement exists.</summary>
/// <remarks>One search serves one round: the hidden cells do not change while it runs, so each identity's cells in
/// order of cost are sorted once, when first needed, and shared by every weak cell's search.</remarks>
internal sealed class ComplementSearch(Release release, IdentityIndex index, bool[] hidden, int threshold, Func<int, long> cost)
{
    private readonly int[]?[] _hiddenDearestFirst = new int[]?[index.Identities.Count];
    private readonly int[]?[] _publishedCheapestFirst = new int[]?[index.Identities.Count];

    /// <summary>The complements to hide; empty when the weak cell can already reach the top of its range with
    /// nothing moved (the audit's small program was too small to see it: the cell is safe); null when no movement
    /// near it helps.</summary>
    public IReadOnlyList<int>? For(FeasibleRanges.Range weak)
    {
        ArgumentNullException.ThrowIfNull(weak);
        var target = Math.Ceiling(weak.Min - 1e-6) + threshold - 1;
        foreach (var (depth, perLine) in new[] { (2, 12), (3, 40), (4, int.MaxValue), (int.MaxValue, int.MaxValue) })
        {
            var moved = Solve(weak.Cell, target, (depth, perLine));
            if (moved is not null)
                return moved;
        }
        return null;
    }

    private List<int>? Solve(int weak, double target, (int Depth, int PerLine) reach)
    {
        var (cells, lines) = Neighbourhood(weak, reach);
        var cap = release.Cap;
        using var program = new GlopProgram();
        var x = new Dictionary<int, Variable>();
        var moves = new List<(int Cell, Variable Up, Variable Down)>();
        var objective = program.Objective;
        foreach (var cell in cells)
        {
            var value = release.Values[cell];
            if (hidden[cell])
            {
                x[cell] = program.Variable(1, cap);
            }
            else if (value > 0)
            {
                // x = value + up − down; a published zero never moves (zeros are never hidden).
                var variable = x[cell] = program.Variable(1, cap);
                var up = program.Variable(0, cap);
                var down = program.Variable(0, cap);
                var pin = program.Constraint(value, value);
                pin.SetCoefficient(variable, 1);
                pin.SetCoefficient(up, -1);
                pin.SetCoefficient(down, 1);
                objective.SetCoefficient(up, cost(cell));
                objective.SetCoefficient(down, cost(cell));
                moves.Add((cell, up, down));
            }
        }
        // Each identity's cells that may move, found from the cells' side; the rest of it is known from its slack.
        var terms = lines.ToDictionary(l => l, _ => new List<(int Cell, int Coefficient)>());
        foreach (var (cell, _) in x)
        {
            foreach (var (line, coefficient) in index.LinesOf[cell])
            {
                if (terms.TryGetValue(line, out var list))
                    list.Add((cell, coefficient));
            }
        }
        foreach (var l in lines)
        {
            var known = (double)index.Slack[l];
            foreach (var (cell, coefficient) in terms[l])
                known -= (double)coefficient * release.Values[cell];
            var constraint = program.Constraint(-known, index.Identities[l].Exact ? -known : double.PositiveInfinity);
            foreach (var (cell, coefficient) in terms[l])
                constraint.SetCoefficient(x[cell], coefficient);
        }
        var top = program.Constraint(Math.Min(target, cap), cap);
        top.SetCoefficient(x[weak], 1);
        objective.SetMinimization();
        if (GlopSolve.Cold(program.Solver) != Solver.ResultStatus.OPTIMAL)
            return null;
        return moves.Where(m => m.Up.SolutionValue() + m.Down.SolutionValue() > 1e-6).Select(m => m.Cell).ToList();
    }

    // Cells within `Depth` identities of the weak cell — from each identity at most `PerLine` hidden cells (the
    // largest) and as many published ones (the cheapest) — and the identities among them; cells further out stay fixed.
    private (List<int> Cells, List<int> Lines) Neighbourhood(int weak, (int Depth, int PerLine) reach)
    {
        var cells = new HashSet<int> { weak };
        var lines = new HashSet<int>();
        var frontier = new List<int> { weak };
        for (var d = 0; d < reach.Depth && frontier.Count > 0; d++)
        {
            var next = new List<int>();
            foreach (var line in frontier.SelectMany(c => index.LinesOf[c]).Select(l => l.Line).Where(lines.Add).ToList())
            {
                var members = index.Identities[line].Cells;
                var chosen = reach.PerLine >= members.Length ? members
                    : HiddenDearestFirst(line).Take(reach.PerLine).Concat(PublishedCheapestFirst(line).Take(reach.PerLine));
                next.AddRange(chosen.Where(cells.Add));
            }
            frontier = next;
        }
        return ([.. cells.Order()], [.. lines.Order()]);
    }

    // Two threads may sort the same identity at once; both get the same order, so either result will do.
    private int[] HiddenDearestFirst(int line) =>
        _hiddenDearestFirst[line] ??= index.Identities[line].Cells.Where(c => hidden[c]).OrderByDescending(cost).ToArray();

    private int[] PublishedCheapestFirst(int line) =>
        _publishedCheapestFirst[line] ??= index.Identities[line].Cells.Where(c => !hidden[c]).OrderBy(cost).ToArray();
}
