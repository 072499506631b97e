using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Pack;

/// <summary>Everything the monthly pack shows, computed before a cell is written.</summary>
public sealed record MonthlyPackData(
    DateOnly Period,
    string AreaName,
    MetricsResult Metrics,
    IReadOnlyList<Kpi> Kpis,
    IReadOnlyList<ReportQueries.Row> Batches,
    IReadOnlyList<ReportQueries.Row> QuarantineReasons,
    ReportQueries.Row Coverage,
    DateTimeOffset GeneratedAt,
    DateTimeOffset? DataAsOf);
