using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Pack;

/// <summary>Everything the monthly pack shows, computed before a cell is written, disclosure control applied over
/// all of it as one release.</summary>
public sealed record MonthlyPackData(
    DateOnly Period,
    string AreaName,
    MetricsResult Metrics,
    IReadOnlyList<Kpi> Kpis,
    MetricTable<HeadlineRow> Headline,
    IReadOnlyList<SpcSeries> Spc,
    IReadOnlyList<ReportQueries.Row> Batches,
    IReadOnlyList<ReportQueries.Row> QuarantineReasons,
    ReportQueries.Row Coverage,
    DateTimeOffset GeneratedAt,
    DateTimeOffset? DataAsOf)
{
    /// <summary>Why the month is incomplete, when the pack was asked for anyway: every figure is then provisional.</summary>
    public string? Incomplete { get; init; }

    /// <summary>Who publishes the pack and whom to contact (impact.json "pack").</summary>
    public PackSettings Pack { get; init; } = new();

    /// <summary>The next pack's publication day (its working day of the month after next, by dim_date), when known.</summary>
    public DateOnly? NextUpdate { get; init; }

    /// <summary>Each practice's PCN as "name (code)", so the practice table carries it.</summary>
    public IReadOnlyDictionary<string, string> PracticePcns { get; init; } = new Dictionary<string, string>();

    /// <summary>A PCN pack's comparison with its ICB this month (null for other packs), and the ICB's name.</summary>
    public MetricTable<ComparatorRow>? Comparator { get; init; }

    public string? ComparatorName { get; init; }

    /// <summary>GP use before and after referral for the year of referrals whose after-period has passed (not the
    /// month's, which has none yet).</summary>
    public MetricTable<SpGpUseRow>? GpUse { get; init; }

    /// <summary>The month's referrals and outcomes by deprivation quintile, age band and sex.</summary>
    public MetricTable<Equity.EquityRow>? Equity { get; init; }

    /// <summary>The area's PCNs against their peers this month; null in a PCN's or a practice's pack.</summary>
    public MetricTable<Benchmark.BenchmarkRow>? Benchmark { get; init; }

    /// <summary>Every table of the release the pack publishes: the metric tables, the headline, the SPC series, the
    /// comparator, GP use and equity (the benchmark only shows their counts).</summary>
    public IReadOnlyList<IMetricTable> Tables =>
        [.. Metrics.Tables, Headline, .. Spc.Select(s => s.Table), .. new IMetricTable?[] { Comparator, GpUse, Equity }.OfType<IMetricTable>()];
}

/// <summary>A headline measure's SPC series as a table of the release.</summary>
public sealed record SpcSeries(Kpi Kpi, MetricTable<SpcPointRow> Table);
