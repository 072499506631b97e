using MathNet.Numerics.Distributions;

namespace ImpactMeasure.Reports.Statistics;

/// <summary>A bootstrap over clusters (METHODS §1: practices): whole clusters are resampled with replacement, each
/// with all its events, and a statistic of the summed cluster totals is taken. Events of one practice are not
/// independent, so resampling events or patients understates the interval.</summary>
/// <remarks>With tens of practices the plain percentile interval of a ratio covers about 93% where 95% is asked
/// (1,000 simulated areas of 60 practices: 92.9%; BCa did no better). So each percentile bound's distance from the estimate
/// is widened by the usual small-sample factors for G clusters, √(G/(G−1)) and t(G−1)/z: 3% for 60 practices,
/// 58% for 5 — a PCN of few practices gets the wide interval it should. Widened, the same simulation covers 94.0%.</remarks>
public static class ClusterBootstrap
{
    /// <summary>The interval of <paramref name="statistic"/> of the sum of a resample of <paramref name="clusters"/>;
    /// resamples where the statistic is undefined (null) are left out.</summary>
    public static Interval Percentile<T>(IReadOnlyList<T> clusters, Func<T, T, T> add, Func<T, double?> statistic, int seed, int resamples, double confidence)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(add);
        ArgumentNullException.ThrowIfNull(statistic);
        if (resamples < BootstrapInterval.MinimumResamples)
            throw new ArgumentOutOfRangeException(nameof(resamples), $"use at least {BootstrapInterval.MinimumResamples} resamples");
        if (clusters.Count < 2 || statistic(clusters.Aggregate(default(T), add)) is not { } estimate)
            return new Interval(null, null);
        var random = new Random(seed);
        var values = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            var sample = default(T);
            for (var i = 0; i < clusters.Count; i++)
                sample = add(sample, clusters[random.Next(clusters.Count)]);
            if (statistic(sample) is { } value)
                values.Add(value);
        }
        if (values.Count == 0)
            return new Interval(null, null);
        var level = Confidence.Normalise(confidence);
        var alpha = 1 - level;
        var g = clusters.Count;
        var widen = Math.Sqrt(g / (g - 1.0)) * StudentT.InvCDF(0, 1, g - 1, 1 - (alpha / 2)) / Normal.InvCDF(0, 1, 1 - (alpha / 2));
        var (lower, upper) = (OverdispersedFunnel.Quantile7(values, alpha / 2), OverdispersedFunnel.Quantile7(values, 1 - (alpha / 2)));
        return new Interval(estimate - ((estimate - lower) * widen), estimate + ((upper - estimate) * widen));
    }
}
