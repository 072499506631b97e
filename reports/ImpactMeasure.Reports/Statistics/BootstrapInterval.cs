namespace ImpactMeasure.Reports.Statistics;

/// <summary>Percentile bootstrap intervals with a fixed seed, so a report is the same every time it is run.</summary>
public static class BootstrapInterval
{
    public const int MinimumResamples = 1000;

    /// <summary>The percentile interval of a sum over units (the common case, without a delegate per resample).</summary>
    public static Interval PercentileOfSum(double[] values, int seed, int resamples = MinimumResamples, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (resamples < MinimumResamples)
            throw new ArgumentOutOfRangeException(nameof(resamples), $"use at least {MinimumResamples} resamples");
        if (values.Length == 0)
            return new Interval(null, null);
        var random = new Random(seed);
        var sums = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var sum = 0.0;
            for (var i = 0; i < values.Length; i++)
                sum += values[random.Next(values.Length)];
            sums[r] = sum;
        }
        var alpha = 1 - Confidence.Normalise(confidence);
        var (lower, upper) = OverdispersedFunnel.Quantiles7(sums, alpha / 2, 1 - (alpha / 2));
        return new Interval(lower, upper);
    }

    /// <summary>Resamples <paramref name="units"/> with replacement (whole units: e.g. patients with all their
    /// events) and returns the statistic's 2.5th and 97.5th percentiles (type-7 quantiles) at 95%.</summary>
    public static Interval Percentile<T>(IReadOnlyList<T> units, Func<IReadOnlyList<T>, double> statistic, int seed, int resamples = MinimumResamples, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(statistic);
        if (resamples < MinimumResamples)
            throw new ArgumentOutOfRangeException(nameof(resamples), $"use at least {MinimumResamples} resamples");
        if (units.Count == 0)
            return new Interval(null, null);
        var random = new Random(seed);
        var sample = new T[units.Count];
        var values = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < sample.Length; i++)
                sample[i] = units[random.Next(units.Count)];
            values[r] = statistic(sample);
        }
        var alpha = 1 - Confidence.Normalise(confidence);
        var (lower, upper) = OverdispersedFunnel.Quantiles7(values, alpha / 2, 1 - (alpha / 2));
        return new Interval(lower, upper);
    }
}
