using ImpactMeasure.Reports.Disclosure;
using ImpactMeasure.Reports.Spc;

namespace ImpactMeasure.Reports.Pack;

/// <summary>One headline measure as a monthly series: the value per month (null when it cannot be computed), how
/// it is shown, and which way is better.</summary>
public sealed record Kpi(string Name, string Unit, bool IsRate, ImprovementDirection Direction, IReadOnlyList<KpiPoint> Series)
{
    public KpiPoint? In(DateOnly month) => Series.FirstOrDefault(p => p.Month == month);

    public double? ValueIn(DateOnly month) => In(month)?.Value;
}

/// <summary>A headline measure in one month and the counts it is computed from (its cells in the release).</summary>
public sealed record KpiPoint(DateOnly Month, double? Value, IReadOnlyList<(CellKey Key, long Value)> Basis);
