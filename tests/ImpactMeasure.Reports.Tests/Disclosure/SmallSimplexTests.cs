using FluentAssertions;
using Google.OrTools.LinearSolver;
using ImpactMeasure.Reports.Disclosure;
using Xunit;

namespace ImpactMeasure.Reports.Tests.Disclosure;

/// <summary>The audit's own simplex against GLOP, its reference: random programs shaped like the audit's (counts of
/// 1 to 12, sums with coefficients ±1 and a few ±2, exact and slack rows, many degenerate), every variable pushed up
/// and then down from the same basis; both ends equal GLOP's.</summary>
public class SmallSimplexTests
{
    [Theory]
    [InlineData(1, 6, 4)]
    [InlineData(2, 12, 8)]
    [InlineData(3, 25, 14)]
    [InlineData(4, 40, 30)]
    [InlineData(5, 75, 40)]
    [InlineData(6, 20, 25)]
    public void Every_range_equals_GLOPs(int seed, int variables, int rows)
    {
        var random = new Random(seed);
        var failed = 0;
        for (var program = 0; program < 40; program++)
        {
            var p = RandomProgram(random, variables, rows);
            var simplex = new SmallSimplex();
            simplex.Reset(variables);
            for (var j = 0; j < variables; j++)
                simplex.Bound(j, p.Low[j] - p.Truth[j], p.High[j] - p.Truth[j]);
            foreach (var (terms, exact, slack) in p.Rows)
                simplex.Row(terms.Select(t => (t.Var, (double)t.Coefficient)).ToArray(), exact, slack);
            simplex.Start();
            for (var target = 0; target < variables; target++)
            {
                var (glopMin, glopMax) = Glop(p, target);
                foreach (var up in new[] { true, false })
                {
                    if (simplex.Push(target, up) != SmallSimplex.Outcome.Optimal)
                    {
                        failed++;
                        continue;
                    }
                    var reached = p.Truth[target] + simplex.Move(target);
                    reached.Should().BeApproximately(up ? glopMax : glopMin, 1e-6, $"program {program}, variable {target}, {(up ? "up" : "down")}");
                    Feasible(p, simplex).Should().BeTrue();
                }
            }
        }
        // A failure is safe (the audit asks GLOP instead) but should be rare.
        failed.Should().BeLessThanOrEqualTo(variables * 40 * 2 / 100);
    }

    [Fact]
    public void True_counts_outside_their_bounds_are_refused()
    {
        var simplex = new SmallSimplex();
        simplex.Reset(1);
        var refuse = () => simplex.Bound(0, 1, 2);
        refuse.Should().Throw<ArgumentOutOfRangeException>();
        var negativeSlack = () => simplex.Row([(0, 1.0)], exact: false, slack: -1);
        negativeSlack.Should().Throw<ArgumentOutOfRangeException>();
    }

    private sealed record Program(int[] Truth, double[] Low, double[] High, List<((int Var, int Coefficient)[] Terms, bool Exact, double Slack)> Rows);

    private static Program RandomProgram(Random random, int variables, int rows)
    {
        var truth = Enumerable.Range(0, variables).Select(_ => random.Next(1, 13)).ToArray();
        var cap = truth.Sum() + 1.0;
        var low = truth.Select(t => random.Next(4) == 0 ? Math.Min(t, random.Next(1, 4)) : 1.0).ToArray();
        var high = truth.Select(t => random.Next(5) == 0 ? t + random.Next(0, 6) : cap).ToArray();
        var list = new List<((int, int)[], bool, double)>();
        for (var r = 0; r < rows; r++)
        {
            var size = random.Next(2, Math.Min(variables, 7) + 1);
            var chosen = Enumerable.Range(0, variables).OrderBy(_ => random.Next()).Take(size).ToArray();
            var terms = chosen.Select((v, i) => (v, i == 0 ? 1 : random.Next(8) == 0 ? 2 * (random.Next(2) * 2 - 1) : -1)).ToArray();
            var exact = random.Next(3) > 0;
            list.Add((terms, exact, exact ? 0 : random.Next(3) == 0 ? 0 : random.Next(1, 10)));
        }
        return new Program(truth, low, high, list);
    }

    private static (double Min, double Max) Glop(Program p, int target)
    {
        using var solver = Solver.CreateSolver("GLOP")!;
        var x = p.Truth.Select((_, j) => solver.MakeNumVar(p.Low[j], p.High[j], "")).ToArray();
        foreach (var (terms, exact, slack) in p.Rows)
        {
            var atTruth = terms.Sum(t => t.Coefficient * (double)p.Truth[t.Var]);
            var constraint = solver.MakeConstraint(atTruth - slack, exact ? atTruth : double.PositiveInfinity);
            foreach (var (v, coefficient) in terms)
                constraint.SetCoefficient(x[v], coefficient);
        }
        solver.Objective().SetCoefficient(x[target], 1);
        solver.Objective().SetMinimization();
        solver.Solve().Should().Be(Solver.ResultStatus.OPTIMAL);
        var min = x[target].SolutionValue();
        solver.Objective().SetMaximization();
        solver.Solve().Should().Be(Solver.ResultStatus.OPTIMAL);
        return (min, x[target].SolutionValue());
    }

    private static bool Feasible(Program p, SmallSimplex simplex)
    {
        double X(int j) => p.Truth[j] + simplex.Move(j);
        for (var j = 0; j < p.Truth.Length; j++)
        {
            if (X(j) < p.Low[j] - 1e-6 || X(j) > p.High[j] + 1e-6)
                return false;
        }
        foreach (var (terms, exact, slack) in p.Rows)
        {
            var change = terms.Sum(t => t.Coefficient * (X(t.Var) - p.Truth[t.Var]));
            if (change < -slack - 1e-6 || (exact && change > 1e-6))
                return false;
        }
        return true;
    }
}
