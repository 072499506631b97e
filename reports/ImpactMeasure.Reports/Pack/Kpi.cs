using ImpactMeasure.Reports.Spc;

namespace ImpactMeasure.Reports.Pack;

/// <summary>One headline measure as a monthly series: the value per month (null when it cannot be computed), how
/// it is shown, and which way is better.</summary>
public sealed record Kpi(string Name, string Unit, bool IsRate, ImprovementDirection Direction, IReadOnlyList<(DateOnly Month, double? Value)> Series)
{
    public double? ValueIn(DateOnly month) => Series.FirstOrDefault(p => p.Month == month).Value;
}
