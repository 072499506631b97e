using System.Numerics;
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
        return Resample([.. clusters], add, (units, random) =>
        {
            var sample = default(T);
            for (var i = 0; i < units.Length; i++)
                sample = add(sample, units[random.NextIndex(units.Length)]);
            return sample;
        }, [statistic], seed, resamples, confidence)[0];
    }

    /// <summary>The intervals of several statistics of the same resamples — what <see cref="Percentile{T}"/> gives
    /// for each with the same seed, for the cost of one. Equal units (most patients: one event of one of a few kinds)
    /// are counted by kind: a resample still draws one unit per unit, but adds each kind once, times its count.</summary>
    public static Interval[] Percentiles<T>(IReadOnlyList<T> clusters, IReadOnlyList<Func<T, double?>> statistics, int seed, int resamples, double confidence)
        where T : struct, IEquatable<T>, IAdditionOperators<T, T, T>, IMultiplyOperators<T, long, T>
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(statistics);
        var units = clusters as T[] ?? [.. clusters];
        var kinds = new List<T>();
        var kindOf = new int[units.Length];
        var index = new Dictionary<T, int>();
        for (var i = 0; i < units.Length; i++)
        {
            if (!index.TryGetValue(units[i], out var kind))
            {
                index[units[i]] = kind = kinds.Count;
                kinds.Add(units[i]);
            }
            kindOf[i] = kind;
        }
        var counts = new long[kinds.Count];
        return Resample(units, (a, b) => a + b, (all, random) =>
        {
            Array.Clear(counts);
            for (var i = 0; i < all.Length; i++)
                counts[kindOf[random.NextIndex(all.Length)]]++;
            var sample = default(T);
            for (var k = 0; k < counts.Length; k++)
            {
                if (counts[k] > 0)
                    sample += kinds[k] * counts[k];
            }
            return sample;
        }, statistics, seed, resamples, confidence);
    }

    private static Interval[] Resample<T>(T[] clusters, Func<T, T, T> add, Func<T[], ResampleGenerator, T> draw, IReadOnlyList<Func<T, double?>> statistics,
        int seed, int resamples, double confidence)
        where T : struct
    {
        if (resamples < BootstrapInterval.MinimumResamples)
            throw new ArgumentOutOfRangeException(nameof(resamples), $"use at least {BootstrapInterval.MinimumResamples} resamples");
        var estimates = new double?[statistics.Count];
        if (clusters.Length >= 2)
        {
            var total = clusters.Aggregate(default(T), add);
            for (var s = 0; s < statistics.Count; s++)
                estimates[s] = statistics[s](total);
        }
        var intervals = new Interval[statistics.Count];
        if (estimates.All(e => e is null))
        {
            Array.Fill(intervals, new Interval(null, null));
            return intervals;
        }
        var random = new ResampleGenerator(seed);
        var values = statistics.Select(_ => new List<double>(resamples)).ToArray();
        for (var r = 0; r < resamples; r++)
        {
            var sample = draw(clusters, random);
            for (var s = 0; s < statistics.Count; s++)
            {
                if (estimates[s] is not null && statistics[s](sample) is { } value)
                    values[s].Add(value);
            }
        }
        for (var s = 0; s < statistics.Count; s++)
            intervals[s] = estimates[s] is { } estimate && values[s].Count > 0 ? Widened(values[s], estimate, clusters.Length, confidence) : new Interval(null, null);
        return intervals;
    }

    // The percentile bounds' distances from the estimate widened for G clusters (see the remarks).
    private static Interval Widened(List<double> values, double estimate, int g, double confidence)
    {
        var level = Confidence.Normalise(confidence);
        var alpha = 1 - level;
        var widen = Math.Sqrt(g / (g - 1.0)) * StudentT.InvCDF(0, 1, g - 1, 1 - (alpha / 2)) / Normal.InvCDF(0, 1, 1 - (alpha / 2));
        var (lower, upper) = OverdispersedFunnel.Quantiles7(values, alpha / 2, 1 - (alpha / 2));
        return new Interval(estimate - ((estimate - lower) * widen), estimate + ((upper - estimate) * widen));
    }
}
