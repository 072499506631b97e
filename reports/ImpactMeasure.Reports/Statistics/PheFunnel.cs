namespace ImpactMeasure.Reports.Statistics;

/// <summary>Funnel-plot control limits as PHEindicatormethods computes them: proportions (F1: where the Wilson
/// bound at denominator n equals the average), ratios (F2) and rates (F3) from the exact Poisson bisection.</summary>
public static class PheFunnel
{
    /// <summary>The tail probabilities of the two limit pairs: 95% and 99.8%.</summary>
    public static double TailOf(double confidence) => (1 - Confidence.Normalise(confidence)) / 2;

    /// <summary>Proportion limits at denominator <paramref name="n"/> around the average <paramref name="average"/>,
    /// unclipped and on the proportion scale (clip with <see cref="ClipProportion"/> for plotting).</summary>
    public static Interval ProportionLimits(double average, double n, double confidence)
    {
        var z = Confidence.Z(confidence);
        var z2 = z * z;
        var a = (n / z2) + 1;
        var b = (1 / z2) + (1 / n);
        var d = (average * average * a * a) - (b * average * ((n * ((average * ((n / z2) + 2)) - 1)) + (z2 * (average - 1))));
        var root = Math.Sqrt(d);
        return new Interval(((average * a) - root) / (b * n), ((average * a) + root) / (b * n));
    }

    /// <summary>Scales limits by the multiplier and clips them to [0, 100] as the package does (100 whatever the multiplier).</summary>
    public static Interval ClipProportion(Interval limits, double multiplier) =>
        new(Math.Max(0, limits.Lower!.Value * multiplier), Math.Min(100, limits.Upper!.Value * multiplier));

    /// <summary>A unit's label against the proportion limits at its own denominator (strict inequalities).</summary>
    public static string ProportionSignificance(double numerator, double denominator, double average)
    {
        var p = numerator / denominator;
        var wide = ProportionLimits(average, denominator, 0.998);
        var narrow = ProportionLimits(average, denominator, 0.95);
        return p < wide.Lower ? FunnelSignificance.LowExtreme
            : p < narrow.Lower ? FunnelSignificance.Low
            : p > wide.Upper ? FunnelSignificance.HighExtreme
            : p > narrow.Upper ? FunnelSignificance.High
            : FunnelSignificance.NotSignificant;
    }

    /// <summary>The expected events at which observed/expected is the lower and upper limit.</summary>
    public static (double LowerLimitExpected, double UpperLimitExpected) RatioLimitExpected(double observed, double confidence)
    {
        var p = TailOf(confidence);
        return (PoissonTail.ExpectedAtTail(observed, p, upperLimit: false), PoissonTail.ExpectedAtTail(observed, p, upperLimit: true));
    }

    /// <summary>Ratio limits O/E for <paramref name="observed"/> events.</summary>
    public static Interval RatioLimits(double observed, double confidence)
    {
        var (lower, upper) = RatioLimitExpected(observed, confidence);
        return new Interval(observed / lower, observed / upper);
    }

    /// <summary>Rate limits (per <paramref name="multiplier"/>) for <paramref name="events"/> around the average
    /// rate <paramref name="average"/> (events per unit denominator), and the populations where they lie.</summary>
    public static (Interval Limits, Interval Populations) RateLimits(double events, double average, double multiplier, double confidence)
    {
        var (lowerExpected, upperExpected) = RatioLimitExpected(events, confidence);
        var (lowerPopulation, upperPopulation) = (lowerExpected / average, upperExpected / average);
        return (new Interval(events / lowerPopulation * multiplier, events / upperPopulation * multiplier), new Interval(lowerPopulation, upperPopulation));
    }
}
