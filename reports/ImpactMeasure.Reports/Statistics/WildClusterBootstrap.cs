namespace ImpactMeasure.Reports.Statistics;

/// <summary>The wild (multiplier) cluster bootstrap of an estimate from its units' influence functions, as R's did
/// package does it (<c>mboot</c>): the influence is averaged within each cluster, each cluster's mean is multiplied by
/// a Rademacher weight (±1), and the standard error is the interquartile range of the draws over that of the normal
/// distribution. Analytic clustered errors lean on many clusters; with few (under <see cref="FewClusters"/>, the
/// bound Cameron, Gelbach and Miller 2008 found wild bootstraps needed under) the bootstrap is the one to cite.</summary>
public static class WildClusterBootstrap
{
    /// <summary>Fewer clusters than this are few.</summary>
    public const int FewClusters = 50;

    /// <summary>did's default number of draws.</summary>
    public const int Draws = 1000;

    /// <summary>The bootstrap's standard error and the normal interval around <paramref name="estimate"/>.</summary>
    /// <param name="estimate">the estimate</param>
    /// <param name="influence">each unit's influence on it, on the full-sample scale (standard error √(Σψ²)/n)</param>
    /// <param name="cluster">each unit's cluster</param>
    /// <param name="seed">the draws' seed, so a rerun gives the same interval</param>
    /// <param name="confidence">the interval's level</param>
    public static (double StdError, double Lower, double Upper) Interval(double estimate, IReadOnlyList<double> influence, IReadOnlyList<string> cluster, int seed,
        double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(influence);
        ArgumentNullException.ThrowIfNull(cluster);
        if (influence.Count != cluster.Count)
            throw new ArgumentException($"{influence.Count} influence values for {cluster.Count} cluster labels", nameof(cluster));
        var means = influence.Select((v, i) => (Cluster: cluster[i], Value: v)).GroupBy(p => p.Cluster, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Average(p => p.Value)).ToArray();
        var g = means.Length;
        var random = new Random(seed);
        var draws = new double[Draws];
        for (var b = 0; b < Draws; b++)
        {
            double sum = 0;
            foreach (var mean in means)
                sum += random.Next(2) == 0 ? -mean : mean;
            draws[b] = Math.Sqrt(g) * sum / g;
        }
        Array.Sort(draws);
        // R's quantile type 1 (the inverse of the empirical distribution), as did uses.
        double Quantile(double p) => draws[Math.Max(0, (int)Math.Ceiling(p * Draws) - 1)];
        var normalIqr = 2 * MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.75);
        var se = (Quantile(0.75) - Quantile(0.25)) / normalIqr / Math.Sqrt(g);
        var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + (confidence / 2));
        return (se, estimate - (z * se), estimate + (z * se));
    }
}
