namespace ImpactMeasure.Reports.Statistics;

/// <summary>The labels a funnel plot gives a unit (PHEindicatormethods).</summary>
public static class FunnelSignificance
{
    public const string HighExtreme = "High (0.001)";
    public const string High = "High (0.025)";
    public const string LowExtreme = "Low (0.001)";
    public const string Low = "Low (0.025)";
    public const string NotSignificant = "Not significant";
    public const string NotApplicableDsr = "Not applicable for events less than 10 for dsrs";

    /// <summary>The bounds on O/E (or O/denominator) used for ratio and rate significance at level c: exact below
    /// 10 events, Byar's from 10; the lower bound is 0 at O = 0.</summary>
    public static Interval RatioBounds(double observed, double expected, double confidence)
    {
        var lower = observed == 0 ? 0 : observed < 10
            ? Confidence.ChiSquaredQuantile((1 - confidence) / 2, 2 * observed) / 2 / expected
            : PoissonInterval.Byars(observed, confidence).Lower!.Value / expected;
        var upper = observed < 10
            ? Confidence.ChiSquaredQuantile(0.5 + (confidence / 2), (2 * observed) + 2) / 2 / expected
            : PoissonInterval.Byars(observed, confidence).Upper!.Value / expected;
        return new Interval(lower, upper);
    }

    /// <summary>Where <paramref name="target"/> (1 for a ratio, the average for a rate) sits against a unit's bounds.</summary>
    public static string AgainstBounds(double target, double observed, double denominator)
    {
        var wide = RatioBounds(observed, denominator, 0.998);
        var narrow = RatioBounds(observed, denominator, 0.95);
        return target < wide.Lower ? HighExtreme
            : target < narrow.Lower ? High
            : target > wide.Upper ? LowExtreme
            : target > narrow.Upper ? Low
            : NotSignificant;
    }
}
