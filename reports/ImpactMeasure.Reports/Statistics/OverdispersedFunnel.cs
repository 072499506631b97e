namespace ImpactMeasure.Reports.Statistics;

/// <summary>Funnel limits with the Spiegelhalter (2005) overdispersion adjustment, as NHS-R's FunnelPlotR computes
/// them: per-unit z-scores, truncation (SHMI) or winsorisation, φ and τ², then limits and outlier flags.</summary>
public static class OverdispersedFunnel
{
    // FunnelPlotR hard-codes these for the adjusted limits (and the unadjusted PR/RC ones).
    private const double Z95 = 1.959964;
    private const double Z998 = 3.090232;

    /// <summary>Sums numerators and denominators by group; SHMI rounds the expected counts to 2 dp first.</summary>
    public static IReadOnlyList<FunnelUnit> Aggregate(IEnumerable<FunnelUnit> rows, FunnelDataType type, StandardisedRatioMethod method)
    {
        var shmi = type == FunnelDataType.StandardisedRatio && method == StandardisedRatioMethod.Shmi;
        return rows.GroupBy(r => r.Group, StringComparer.Ordinal)
            .Select(g => new FunnelUnit(g.Key, g.Sum(r => r.Numerator), shmi ? Math.Round(g.Sum(r => r.Denominator), 2, MidpointRounding.ToEven) : g.Sum(r => r.Denominator)))
            .ToList();
    }

    /// <summary>The target: 1 for standardised ratios, the overall ratio otherwise.</summary>
    public static double TargetOf(IReadOnlyCollection<FunnelUnit> units, FunnelDataType type) =>
        type == FunnelDataType.StandardisedRatio ? 1 : units.Sum(u => u.Numerator) / units.Sum(u => u.Denominator);

    /// <summary>A unit's transformed value, the transformed target, its standard error and z-score.</summary>
    public static (double Y, double TargetTransformed, double S, double Z) ZScore(FunnelUnit unit, FunnelDataType type, StandardisedRatioMethod method, double target)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var (o, d) = (unit.Numerator, unit.Denominator);
        switch (type)
        {
            case FunnelDataType.StandardisedRatio when method == StandardisedRatioMethod.Shmi:
                return (Math.Log(o / d), 0, 1 / Math.Sqrt(d), Math.Sqrt(d) * Math.Log(o / d));
            case FunnelDataType.StandardisedRatio:
                var y = Math.Sqrt(o / d);
                var s = 1 / (2 * Math.Sqrt(d));
                return (y, 1, s, (y - 1) / s);
            case FunnelDataType.Proportion:
                var t = Math.Asin(Math.Sqrt(target));
                var yp = Math.Asin(Math.Sqrt(o / d));
                var sp = 1 / (2 * Math.Sqrt(d));
                return (yp, t, sp, (yp - t) / sp);
            default:
                var yr = Math.Log((o + 0.5) / (d + 0.5));
                var tr = Math.Log(target);
                var sr = Math.Sqrt((o / ((o + 0.5) * (o + 0.5))) + (d / ((d + 0.5) * (d + 0.5))));
                return (yr, tr, sr, (yr - tr) / sr);
        }
    }

    /// <summary>SHMI truncation: keep unit i iff 0 &lt; ⌊rank·k/(m+1)⌋ &lt; k − 1, k = 1/trim (ranks average ties).</summary>
    public static bool[] Truncated(IReadOnlyList<double> z, double trimBy)
    {
        ArgumentNullException.ThrowIfNull(z);
        var k = 1 / trimBy;
        var ranks = AverageRanks(z);
        return ranks.Select(r => Math.Floor(r * k / (z.Count + 1)) is var sp && !(sp > 0 && sp < k - 1)).ToArray();
    }

    /// <summary>Winsorised z-scores at the type-7 quantiles trim and 1 − trim, and which units were moved.</summary>
    public static (double[] Z, bool[] Winsorised) Winsorise(IReadOnlyList<double> z, double trimBy)
    {
        ArgumentNullException.ThrowIfNull(z);
        var (low, high) = Quantiles7(z, trimBy, 1 - trimBy);
        return (z.Select(v => Math.Clamp(v, low, high)).ToArray(), z.Select(v => !(v > low && v < high)).ToArray());
    }

    /// <summary>φ = mean of squared retained z-scores; τ² from it and the retained weights 1/s².</summary>
    public static (double Phi, double Tau2) Overdispersion(IReadOnlyList<double> retainedZ, IReadOnlyList<double> retainedS)
    {
        ArgumentNullException.ThrowIfNull(retainedZ);
        ArgumentNullException.ThrowIfNull(retainedS);
        var n = retainedZ.Count;
        var phi = retainedZ.Sum(z => z * z) / n;
        if (n * phi < n - 1)
            return (phi, 0);
        var w = retainedS.Select(s => 1 / (s * s)).ToList();
        var tau2 = ((n * phi) - (n - 1)) / (w.Sum() - (w.Sum(x => x * x) / w.Sum()));
        return (phi, Math.Max(0, tau2));
    }

    /// <summary>Limits at denominator <paramref name="n"/>; for proportions, the single-denominator guards against
    /// the arcsine wrapping (lower 0 below 0, upper the multiplier above π/2).</summary>
    public static FunnelLimitSet Limits(FunnelDataType type, StandardisedRatioMethod method, double target, double tau2, double n, double multiplier)
    {
        var adjusted95 = Adjusted(type, method, target, tau2, n, multiplier, Z95);
        var adjusted998 = Adjusted(type, method, target, tau2, n, multiplier, Z998);
        if (type != FunnelDataType.StandardisedRatio)
            return new(adjusted95, adjusted998, Adjusted(type, method, target, 0, n, multiplier, Z95), Adjusted(type, method, target, 0, n, multiplier, Z998));
        return new(adjusted95, adjusted998, Poisson(target, n, multiplier, 0.025, 0.975), Poisson(target, n, multiplier, 0.001, 0.999));
    }

    /// <summary>Limits along a funnel's line of denominators, as FunnelPlotR's lookup table: for proportions the raw
    /// arcsine limits, then each lower limit above the next one's set to 0 and each upper below the next one's set to
    /// the multiplier (the wrap-around at tiny denominators).</summary>
    public static IReadOnlyList<FunnelLimitSet> LimitsTable(FunnelDataType type, StandardisedRatioMethod method, double target, double tau2, IReadOnlyList<double> ascendingDenominators, double multiplier)
    {
        ArgumentNullException.ThrowIfNull(ascendingDenominators);
        if (type != FunnelDataType.Proportion)
            return ascendingDenominators.Select(n => Limits(type, method, target, tau2, n, multiplier)).ToList();
        var raw = ascendingDenominators.Select(n => new[]
        {
            RawProportion(target, tau2, n, multiplier, Z95), RawProportion(target, tau2, n, multiplier, Z998),
            RawProportion(target, 0, n, multiplier, Z95), RawProportion(target, 0, n, multiplier, Z998),
        }).ToList();
        for (var i = 0; i < raw.Count - 1; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                var (current, next) = (raw[i][j], raw[i + 1][j]);
                raw[i][j] = new Interval(current.Lower > next.Lower ? 0 : current.Lower, current.Upper < next.Upper ? multiplier : current.Upper);
            }
        }
        return raw.Select(r => new FunnelLimitSet(r[0], r[1], r[2], r[3])).ToList();
    }

    private static Interval RawProportion(double target, double tau2, double n, double m, double z)
    {
        var t = Math.Asin(Math.Sqrt(target));
        var w = Math.Sqrt((1 / (4 * n)) + tau2);
        return new(Math.Max(0, m * Math.Pow(Math.Sin(t - (z * w)), 2)), Math.Min(m, m * Math.Pow(Math.Sin(t + (z * w)), 2)));
    }

    private static Interval Poisson(double target, double n, double m, double low, double high) =>
        new(m * target * Confidence.ChiSquaredQuantile(low, 2 * n) / (2 * n), m * target * Confidence.ChiSquaredQuantile(high, (2 * n) + 2) / (2 * n));

    private static Interval Adjusted(FunnelDataType type, StandardisedRatioMethod method, double target, double tau2, double n, double m, double z)
    {
        var w = Math.Sqrt((1 / (4 * n)) + tau2);
        switch (type)
        {
            case FunnelDataType.StandardisedRatio when method == StandardisedRatioMethod.Shmi:
                var spread = z * Math.Sqrt((1 / n) + tau2);
                return new(m * Math.Exp(-spread), m * Math.Exp(spread));
            case FunnelDataType.StandardisedRatio:
                // Not squared back to the ratio scale: as FunnelPlotR does (its issue #33).
                return new(m * (1 - (z * w)), m * (1 + (z * w)));
            case FunnelDataType.Proportion:
                var t = Math.Asin(Math.Sqrt(target));
                var lower = t - (z * w) < 0 ? 0 : Math.Max(0, m * Math.Pow(Math.Sin(t - (z * w)), 2));
                var upper = t + (z * w) > Math.PI / 2 ? m : Math.Min(m, m * Math.Pow(Math.Sin(t + (z * w)), 2));
                return new(lower, upper);
            default:
                return new(m * Math.Exp(Math.Log(target) - (z * w)), m * Math.Exp(Math.Log(target) + (z * w)));
        }
    }

    /// <summary>1 when the unit's ratio × multiplier lies outside the limits (inclusive inside), else 0.</summary>
    public static int Outlier(double ratio, double multiplier, Interval limits) =>
        limits.Lower <= ratio * multiplier && ratio * multiplier <= limits.Upper ? 0 : 1;

    private static double[] AverageRanks(IReadOnlyList<double> values)
    {
        var order = values.Select((v, i) => (v, i)).OrderBy(p => p.v).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && order[end + 1].v == order[start].v)
                end++;
            for (var j = start; j <= end; j++)
                ranks[order[j].i] = ((start + end) / 2.0) + 1;
            start = end + 1;
        }
        return ranks;
    }

    /// <summary>Two of R's default (type 7) quantiles, h = (m − 1)p with linear interpolation, from one sort: an
    /// interval's two bounds come from the same values, and nationally the benchmark takes thousands of them.</summary>
    public static (double Low, double High) Quantiles7(IReadOnlyList<double> values, double low, double high)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return (Sorted7(sorted, low), Sorted7(sorted, high));
    }

    private static double Sorted7(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
