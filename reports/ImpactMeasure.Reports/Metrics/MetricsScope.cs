namespace ImpactMeasure.Reports.Metrics;

/// <summary>How much of the metrics release a caller needs computed.</summary>
public enum MetricsScope
{
    /// <summary>Every table with every interval: what <c>report metrics</c> and the packs publish.</summary>
    Everything,

    /// <summary>What PCN benchmarking rests on: every count of the release, so disclosure control decides exactly as
    /// for <see cref="Everything"/>, but no interval the benchmark never shows (a practice's freed time) and no GP use
    /// before and after referral (two area totals that share no identity with any other count, so leaving them out
    /// changes no other cell's disclosure). Such a result cannot be written as metric files.</summary>
    Benchmark,
}
