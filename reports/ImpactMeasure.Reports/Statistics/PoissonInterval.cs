namespace ImpactMeasure.Reports.Statistics;

/// <summary>Intervals for counts and rates: Byar's approximation and the exact (chi-square) Poisson interval, and
/// PHE's rule of exact below 10 events, Byar's from 10.</summary>
public static class PoissonInterval
{
    /// <summary>The count at which Byar's replaces the exact interval.</summary>
    public const int ByarsFrom = 10;

    /// <summary>Byar's interval on the count scale; the lower bound is not available at 0 or when negative.</summary>
    public static Interval Byars(double x, double confidence = 0.95)
    {
        var z = Confidence.Z(confidence);
        double? lower = x <= 0 ? null : x * Math.Pow(1 - (1 / (9 * x)) - (z / (3 * Math.Sqrt(x))), 3);
        if (lower < 0)
            lower = null;
        var y = x + 1;
        var upper = y * Math.Pow(1 - (1 / (9 * y)) + (z / (3 * Math.Sqrt(y))), 3);
        return new Interval(lower, upper);
    }

    /// <summary>The exact interval: χ²_{α/2}(2x)/2 (0 at x = 0) to χ²_{1−α/2}(2x + 2)/2.</summary>
    public static Interval Exact(double x, double confidence = 0.95)
    {
        var alpha = 1 - Confidence.Normalise(confidence);
        var lower = x <= 0 ? 0 : Confidence.ChiSquaredQuantile(alpha / 2, 2 * x) / 2;
        return new Interval(lower, Confidence.ChiSquaredQuantile(1 - (alpha / 2), (2 * x) + 2) / 2);
    }

    /// <summary>Exact below <see cref="ByarsFrom"/> events, Byar's from there (PHEindicatormethods).</summary>
    public static Interval Count(double x, double confidence = 0.95) => x < ByarsFrom ? Exact(x, confidence) : Byars(x, confidence);

    /// <summary>The method <see cref="Count"/> uses for <paramref name="x"/>.</summary>
    public static string MethodFor(double x) => x < ByarsFrom ? "Exact" : "Byars";

    /// <summary>A rate x/n × multiplier with its interval.</summary>
    public static (double Value, Interval Interval) Rate(double x, double n, double multiplier = 100_000, double confidence = 0.95)
    {
        if (n <= 0)
            throw new ArgumentOutOfRangeException(nameof(n), "the denominator must be positive");
        return (x / n * multiplier, Count(x, confidence).Scale(multiplier / n));
    }
}
