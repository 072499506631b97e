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
    MetricTable<SpcPointRow> FreedSpc,
    IReadOnlyList<ReportQueries.Row> Batches,
    IReadOnlyList<ReportQueries.Row> QuarantineReasons,
    ReportQueries.Row Coverage,
    DateTimeOffset GeneratedAt,
    DateTimeOffset? DataAsOf)
{
    /// <summary>Why the month is incomplete, when the pack was asked for anyway: every figure is then provisional.</summary>
    public string? Incomplete { get; init; }

    /// <summary>Each practice's PCN as "name (code)", so the practice table carries it.</summary>
    public IReadOnlyDictionary<string, string> PracticePcns { get; init; } = new Dictionary<string, string>();
}
