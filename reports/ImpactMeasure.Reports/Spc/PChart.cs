using MathNet.Numerics.Distributions;

namespace ImpactMeasure.Reports.Spc;

/// <summary>p-charts and Laney p′-charts for proportions with varying denominators (METHODS §5), as qicharts2 0.8.1
/// defines them (<c>qic.p</c>, <c>qic.pp</c>): centre p̄ = Σx/Σn per phase, σᵢ = √(p̄(1−p̄)/nᵢ); for p′ σᵢ × σz with
/// σz = mean |zᵢ − zᵢ₋₁| / 1.128 of the points' z-scores; limits p̄ ± 3σ capped to 0..1; a signal is a point strictly
/// outside them, or the phase's Anhøj runs rule (longest run &gt; round(log₂ n) + 3, or crossings &lt; the 5th
/// binomial percentile). Points whose denominator is below <c>minDenominator</c> are plotted with limits but
/// neither judged nor used for the centre line; a new phase starts at each change point; optionally the centre and
/// σz rest on each phase's first points only (a fixed baseline).</summary>
public static class PChart
{
    private const double D2 = 1.128;

    public static IReadOnlyList<PPoint> Calculate(IReadOnlyList<(long Numerator, long Denominator)> points, bool laney, int minDenominator = 1,
        IReadOnlyCollection<int>? phaseStarts = null, int? baselinePoints = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        var starts = phaseStarts ?? [];
        var result = new List<PPoint>(points.Count);
        foreach (var phase in Enumerable.Range(0, points.Count).GroupBy(i => starts.Count(s => s <= i)))
            result.AddRange(Phase(points, phase.ToList(), phase.Key, laney, Math.Max(minDenominator, 1), baselinePoints));
        return result;
    }

    /// <summary>Laney's p′ where the p-chart's z-scores are overdispersed (σz &gt; 1), else the p-chart.</summary>
    public static IReadOnlyList<PPoint> Choose(IReadOnlyList<(long Numerator, long Denominator)> points, int minDenominator = 1, IReadOnlyCollection<int>? phaseStarts = null,
        int? baselinePoints = null)
    {
        var laney = Calculate(points, laney: true, minDenominator, phaseStarts, baselinePoints);
        return laney.Any(p => p.SigmaZ > 1) ? laney : Calculate(points, laney: false, minDenominator, phaseStarts, baselinePoints);
    }

    // The centre and σz come from the phase's first baselinePoints judged points (all when null), as NHSRplotthedots'
    // fix_after_n_points: later points are judged against the baseline, so a step within the series is not absorbed.
    private static IEnumerable<PPoint> Phase(IReadOnlyList<(long Numerator, long Denominator)> points, List<int> indexes, int phase, bool laney, int minDenominator,
        int? baselinePoints)
    {
        var judged = indexes.Where(i => points[i].Denominator >= minDenominator).ToList();
        var baseline = baselinePoints is { } b ? judged.Take(b).ToList() : judged;
        var (x, n) = (baseline.Sum(i => points[i].Numerator), baseline.Sum(i => points[i].Denominator));
        var cl = n == 0 ? double.NaN : (double)x / n;
        double Y(int i) => points[i].Denominator == 0 ? double.NaN : (double)points[i].Numerator / points[i].Denominator;
        double Sigma(int i) => Math.Sqrt(cl * (1 - cl) / points[i].Denominator);
        var z = baseline.Select(i => (Y(i) - cl) / Sigma(i)).ToList();
        var sigmaZ = laney && z.Count > 1 ? z.Skip(1).Select((v, k) => Math.Abs(v - z[k])).Average() / D2 : 1;
        var runs = judged.Count > 0 && RunsSignal(judged.Select(i => Y(i)).ToList(), cl);
        foreach (var i in indexes)
        {
            var sigma = Sigma(i) * sigmaZ;
            var (lcl, ucl) = (Math.Max(0, cl - (3 * sigma)), Math.Min(1, cl + (3 * sigma)));
            var isJudged = points[i].Denominator >= minDenominator && n > 0;
            var y = Y(i);
            yield return new PPoint(i, points[i].Numerator, points[i].Denominator, y, phase, cl, Sigma(i), sigmaZ, lcl, ucl,
                Math.Max(0, cl - (2 * sigma)), Math.Min(1, cl + (2 * sigma)), isJudged, isJudged && (y > ucl || y < lcl), isJudged && runs);
        }
    }

    /// <summary>Anhøj's runs rules over the points not on the centre line: (n useful, longest run, its maximum,
    /// crossings, their minimum).</summary>
    public static (int Useful, int LongestRun, int LongestRunMax, int Crossings, int CrossingsMin) Runs(IReadOnlyList<double> y, double centre)
    {
        ArgumentNullException.ThrowIfNull(y);
        var sides = y.Select(v => Math.Sign(v - centre)).Where(s => s != 0).ToList();
        var (longest, run, crossings) = (0, 0, 0);
        for (var i = 0; i < sides.Count; i++)
        {
            run = i > 0 && sides[i] == sides[i - 1] ? run + 1 : 1;
            crossings += i > 0 && sides[i] != sides[i - 1] ? 1 : 0;
            longest = Math.Max(longest, run);
        }
        var useful = sides.Count;
        var longestMax = useful == 0 ? 0 : (int)Math.Round(Math.Log2(useful)) + 3;
        return (useful, longest, longestMax, crossings, useful < 2 ? 0 : BinomialQuantile(0.05, useful - 1, 0.5));
    }

    private static bool RunsSignal(IReadOnlyList<double> y, double centre)
    {
        var (useful, longest, longestMax, crossings, crossingsMin) = Runs(y, centre);
        return useful > 0 && (longest > longestMax || crossings < crossingsMin);
    }

    // R's qbinom: the smallest k with P(X ≤ k) ≥ p.
    private static int BinomialQuantile(double p, int trials, double probability)
    {
        for (var k = 0; k <= trials; k++)
        {
            if (Binomial.CDF(probability, trials, k) >= p * (1 - (64 * double.Epsilon)))
                return k;
        }
        return trials;
    }
}
