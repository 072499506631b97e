using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Pack;

/// <summary>A column showing a measure's value in one month: hidden when any count it rests on is, and computed
/// again from the published (rounded) counts when counts are rounded.</summary>
public static class KpiColumn
{
    // Rates to 0.1 percentage points; counts are whole numbers, freed appointments (assumed rate) to three places.
    public static Column<TRow> Value<TRow>(string name, Func<TRow, KpiPoint?> point) => Column.Recomputed(
        Column.Derived<TRow>(name, r => point(r)?.Value, "0.000", r => point(r)?.Basis ?? []), (r, _, publish) => point(r)?.From(publish));

    /// <summary>A bound of a rate's Wilson interval from the counts it rests on (numerator, denominator); blank for a
    /// measure that is not a rate of two counts. Hidden with them, and from the published counts when rounded.</summary>
    public static Column<TRow> WilsonBound<TRow>(string name, Func<TRow, KpiPoint?> point, Func<TRow, bool> isRate, Func<TRow, double> confidence, bool upper)
    {
        double? Bound(TRow row, long numerator, long denominator)
        {
            var proportion = Proportion.Of(numerator, denominator, confidence(row));
            return upper ? proportion.Upper : proportion.Lower;
        }
        IReadOnlyList<(Disclosure.CellKey Key, long Value)> Counts(TRow row) => isRate(row) && point(row) is { Basis.Count: 2 } p ? p.Basis : [];
        return Column.Recomputed(
            Column.Derived<TRow>(name, r => Counts(r) is [var n, var d] ? Bound(r, n.Value, d.Value) : null, "0.000", Counts),
            (r, _, publish) => Counts(r) is [var n, var d] ? Bound(r, publish(n.Value), publish(d.Value)) : null);
    }
}
