using ImpactMeasure.Reports.Disclosure;
using ImpactMeasure.Reports.Spc;

namespace ImpactMeasure.Reports.Pack;

/// <summary>One headline measure as a monthly series: the value per month (null when it cannot be computed), how
/// it is shown, which way is better, and the known change points at which its SPC limits are recalculated. A rate's
/// points rest on [numerator, denominator] and are charted as a p-chart.</summary>
public sealed record Kpi(string Name, string Unit, bool IsRate, ImprovementDirection Direction, IReadOnlyList<KpiPoint> Series)
{
    public IReadOnlyList<DateOnly> ChangePoints { get; init; } = [];

    /// <summary>The key a target is configured under (<c>methods.targets</c>).</summary>
    public string Key { get; init; } = "";

    public KpiPoint? In(DateOnly month) => Series.FirstOrDefault(p => p.Month == month);

    public double? ValueIn(DateOnly month) => In(month)?.Value;

    /// <summary>The same measure for another area of the release (e.g. <c>icb:QXX</c>, a PCN pack's comparator): its
    /// counts are addressed there, so the release tells them from the pack area's own.</summary>
    public Kpi At(string geo) => this with
    {
        Series = Series.Select(p => p with { Basis = p.Basis.Select(b => (b.Key with { Geo = geo }, b.Value)).ToList() }).ToList(),
    };
}

/// <summary>A headline measure in one month, the counts it is computed from (its cells in the release) and how
/// (<see cref="Formula"/> of the counts' values, so it can be computed again from rounded counts).</summary>
public sealed record KpiPoint(DateOnly Month, double? Value, IReadOnlyList<(CellKey Key, long Value)> Basis, Func<IReadOnlyList<long>, double?> Formula)
{
    /// <summary>The value from the counts as published (rounded where counts are rounded).</summary>
    public double? From(Func<long, long> publish) => Formula(Basis.Select(b => publish(b.Value)).ToList());
}
