namespace ImpactMeasure.Reports.Statistics;

/// <summary>The Wilson score interval for a proportion, without continuity correction (METHODS §2; as
/// PHEindicatormethods' wilson_lower / wilson_upper).</summary>
public static class WilsonInterval
{
    /// <summary>The interval for <paramref name="x"/> successes of <paramref name="n"/> (x may be fractional).</summary>
    public static Interval Of(double x, double n, double confidence = 0.95)
    {
        if (n <= 0 || x < 0 || x > n)
            throw new ArgumentOutOfRangeException(nameof(x), $"need 0 ≤ x ≤ n and n > 0 (x = {x}, n = {n})");
        if (Confidence.Normalise(confidence) >= 1)
            return new Interval(0, 1);
        var z = Confidence.Z(confidence);
        var root = z * Math.Sqrt((z * z) + (4 * x * (1 - (x / n))));
        var denominator = 2 * (n + (z * z));
        return new Interval(((2 * x) + (z * z) - root) / denominator, ((2 * x) + (z * z) + root) / denominator);
    }
}
