namespace ImpactMeasure.Reports.Statistics;

/// <summary>Rate funnels' per-unit parts (PHEindicatormethods F3): the denominator a rate implies, the average and
/// each unit's label.</summary>
public static class FunnelRates
{
    /// <summary>multiplier × events / rate; for a DSR with no events there is none; for a crude rate with no events
    /// the supplied population is used.</summary>
    public static double? DerivedDenominator(double events, double? rate, double? population, double multiplier, bool isDsr) =>
        events == 0 ? (isDsr ? null : population)
        : rate is > 0 ? multiplier * events / rate.Value
        : population;

    /// <summary>Σ events / Σ derived denominators over the units that have one.</summary>
    public static double Average(IEnumerable<(double Events, double? Denominator)> units)
    {
        var usable = units.Where(u => u.Denominator is not null).ToList();
        return usable.Sum(u => u.Events) / usable.Sum(u => u.Denominator!.Value);
    }

    public static string Significance(double events, double? denominator, double average, bool isDsr) =>
        isDsr && events < 10 ? FunnelSignificance.NotApplicableDsr
        : denominator is null ? FunnelSignificance.NotSignificant
        : FunnelSignificance.AgainstBounds(average, events, denominator.Value);
}
