using Google.OrTools.LinearSolver;

namespace ImpactMeasure.Reports.Disclosure;

/// <summary>Finds the complements that protect one hidden cell the audit found too narrow — the attacker's
/// sub-problem of Fischetti and Salazar's method, as a linear program: let the published cells near the weak cell
/// move away from their values, at a cost of their value per unit (a total of the release a thousand times that),
/// and find the cheapest movement under which the weak cell can reach the top of a range of <c>threshold</c>
/// values while every identity still holds. The cells that had to move are the complements. The neighbourhood grows
/// (cells within 2, 4, then any number of identities) until such a movement exists.</summary>
public static class ComplementSearch
{
    /// <summary>The complements to hide; empty when the weak cell can already reach the top of its range with
    /// nothing moved (the audit's small program was too small to see it: the cell is safe); null when no movement
    /// near it helps.</summary>
    public static IReadOnlyList<int>? For(Release release, IReadOnlyList<Identity> identities, IReadOnlyList<List<int>> linesOf, bool[] hidden,
        FeasibleRanges.Range weak, int threshold, Func<int, long> cost)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(identities);
        ArgumentNullException.ThrowIfNull(linesOf);
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentNullException.ThrowIfNull(weak);
        ArgumentNullException.ThrowIfNull(cost);
        var target = Math.Ceiling(weak.Min - 1e-6) + threshold - 1;
        foreach (var (depth, perLine) in new[] { (2, 12), (3, 40), (4, int.MaxValue), (int.MaxValue, int.MaxValue) })
        {
            var moved = Solve(release, identities, linesOf, hidden, weak.Cell, target, (depth, perLine), cost);
            if (moved is not null)
                return moved;
        }
        return null;
    }

    private static List<int>? Solve(Release release, IReadOnlyList<Identity> identities, IReadOnlyList<List<int>> linesOf, bool[] hidden, int weak,
        double target, (int Depth, int PerLine) reach, Func<int, long> cost)
    {
        var (cells, lines) = Neighbourhood(identities, linesOf, hidden, weak, reach, cost);
        var cap = release.Cap;
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("the GLOP linear solver is not available");
        var x = new Dictionary<int, Variable>();
        var moves = new List<(int Cell, Variable Up, Variable Down)>();
        var objective = solver.Objective();
        foreach (var cell in cells)
        {
            var value = release.Values[cell];
            if (hidden[cell])
            {
                x[cell] = solver.MakeNumVar(1, cap, "");
            }
            else if (value > 0)
            {
                // x = value + up − down; a published zero never moves (zeros are never hidden).
                var variable = x[cell] = solver.MakeNumVar(1, cap, "");
                var up = solver.MakeNumVar(0, cap, "");
                var down = solver.MakeNumVar(0, cap, "");
                var pin = solver.MakeConstraint(value, value);
                pin.SetCoefficient(variable, 1);
                pin.SetCoefficient(up, -1);
                pin.SetCoefficient(down, 1);
                objective.SetCoefficient(up, cost(cell));
                objective.SetCoefficient(down, cost(cell));
                moves.Add((cell, up, down));
            }
        }
        foreach (var l in lines)
        {
            var identity = identities[l];
            double known = 0;
            var constraint = solver.MakeConstraint(double.NegativeInfinity, double.PositiveInfinity);
            for (var i = 0; i < identity.Cells.Length; i++)
            {
                if (x.TryGetValue(identity.Cells[i], out var variable))
                    constraint.SetCoefficient(variable, identity.Coefficients[i]);
                else
                    known += identity.Coefficients[i] * release.Values[identity.Cells[i]];
            }
            constraint.SetLb(-known);
            constraint.SetUb(identity.Exact ? -known : double.PositiveInfinity);
        }
        var top = solver.MakeConstraint(Math.Min(target, cap), cap);
        top.SetCoefficient(x[weak], 1);
        objective.SetMinimization();
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
            return null;
        return moves.Where(m => m.Up.SolutionValue() + m.Down.SolutionValue() > 1e-6).Select(m => m.Cell).ToList();
    }

    // Cells within `Depth` identities of the weak cell — from each identity at most `PerLine` hidden cells (the
    // largest) and as many published ones (the cheapest) — and the identities among them; cells further out stay fixed.
    private static (List<int> Cells, List<int> Lines) Neighbourhood(IReadOnlyList<Identity> identities, IReadOnlyList<List<int>> linesOf, bool[] hidden, int weak,
        (int Depth, int PerLine) reach, Func<int, long> cost)
    {
        var cells = new HashSet<int> { weak };
        var lines = new HashSet<int>();
        var frontier = new List<int> { weak };
        for (var d = 0; d < reach.Depth && frontier.Count > 0; d++)
        {
            var next = new List<int>();
            foreach (var line in frontier.SelectMany(c => linesOf[c]).Where(lines.Add).ToList())
            {
                var members = identities[line].Cells;
                var chosen = reach.PerLine >= members.Length ? members
                    : members.Where(c => hidden[c]).OrderByDescending(c => cost(c)).Take(reach.PerLine)
                        .Concat(members.Where(c => !hidden[c]).OrderBy(c => cost(c)).Take(reach.PerLine));
                next.AddRange(chosen.Where(cells.Add));
            }
            frontier = next;
        }
        return ([.. cells.Order()], [.. lines.Order()]);
    }
}
