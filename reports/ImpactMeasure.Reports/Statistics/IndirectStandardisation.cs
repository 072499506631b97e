namespace ImpactMeasure.Reports.Statistics;

/// <summary>Indirectly standardised ratios and rates (PHEindicatormethods calculate_ISRatio / calculate_ISRate).</summary>
public static class IndirectStandardisation
{
    /// <summary>One stratum: observed count and population of the area, and the reference count and population.
    /// A missing count or population counts as 0.</summary>
    public readonly record struct Stratum(double? Count, double? Population, double? ReferenceCount, double? ReferencePopulation);

    /// <summary>Expected events E = Σ refcount/refpop × pop.</summary>
    public static double Expected(IEnumerable<Stratum> strata) =>
        strata.Sum(s => s.ReferencePopulation is > 0 ? (s.ReferenceCount ?? 0) / s.ReferencePopulation.Value * (s.Population ?? 0) : 0);

    public static double Observed(IEnumerable<Stratum> strata) => strata.Sum(s => s.Count ?? 0);

    /// <summary>O/E × refvalue with its interval (exact below 10 events, Byar's from 10).</summary>
    public static (double Value, Interval Interval) Ratio(double observed, double expected, double referenceValue = 1, double confidence = 0.95) =>
        (observed / expected * referenceValue, PoissonInterval.Count(observed, confidence).Scale(referenceValue / expected));

    /// <summary>O/E × the reference rate (Σrefcount/Σrefpop × multiplier) with its interval.</summary>
    public static (double Value, Interval Interval, double ReferenceRate) Rate(IReadOnlyCollection<Stratum> strata, double multiplier = 100_000, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(strata);
        var referenceRate = strata.Sum(s => s.ReferenceCount ?? 0) / strata.Sum(s => s.ReferencePopulation ?? 0) * multiplier;
        var (value, interval) = Ratio(Observed(strata), Expected(strata), referenceRate, confidence);
        return (value, interval, referenceRate);
    }
}
