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

    /// <summary>Every table of the release the pack publishes: the metric tables, the headline, the SPC series and
    /// the comparator.</summary>
    public IReadOnlyList<IMetricTable> Tables =>
        [.. Metrics.Tables, Headline, .. Spc.Select(s => s.Table), .. Comparator is null ? Array.Empty<IMetricTable>() : [Comparator]];
}

/// <summary>A headline measure's SPC series as a table of the release.</summary>
public sealed record SpcSeries(Kpi Kpi, MetricTable<SpcPointRow> Table);
