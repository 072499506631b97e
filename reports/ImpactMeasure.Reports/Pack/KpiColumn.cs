using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Pack;

/// <summary>A column showing a measure's value in one month: hidden when any count it rests on is, and computed
/// again from the published (rounded) counts when counts are rounded.</summary>
public static class KpiColumn
{
    // Rates to 0.1 percentage points; counts are whole numbers, freed appointments (assumed rate) to three places.
    public static Column<TRow> Value<TRow>(string name, Func<TRow, KpiPoint?> point) => Column.Recomputed(
        Column.Derived<TRow>(name, r => point(r)?.Value, "0.000", r => point(r)?.Basis ?? []), (r, _, publish) => point(r)?.From(publish));
}
