namespace ImpactMeasure.SampleData;

/// <summary>What to generate: the size of the synthetic area, the period and the seed.</summary>
public sealed record SampleDataOptions
{
    public required string OutputDirectory { get; init; }

    public int Icbs { get; init; } = 1;

    /// <summary>Practices in all, spread over the ICBs.</summary>
    public int Practices { get; init; } = 60;

    public int Months { get; init; } = 24;

    /// <summary>The first month (its first day).</summary>
    public DateOnly Start { get; init; } = new(2023, 10, 1);

    public int Seed { get; init; } = 20251128;

    public int SubIcbsPerIcb { get; init; } = 3;

    /// <summary>Distinct appointment-attribute cells per practice per month in the crosstab: the real
    /// files have ~250; fewer keeps the committed sample small while keeping the category mix.</summary>
    public int CrosstabCellsPerPractice { get; init; } = 36;

    /// <summary>Planted share of diverted patients who come back to the GP within 14 days.</summary>
    public double RepresentationRate { get; init; } = 0.18;

    /// <summary>Planted share of the overloaded service's decisions refused for capacity from its overload month
    /// (before it: 0.05).</summary>
    public double OverloadCapacityRate { get; init; } = 0.38;

    /// <summary>Planted GP appointments a month after a social prescribing referral (before it and in the
    /// comparison group: 0.45), so the planted difference in differences is (this − 0.45) × 6 per person.</summary>
    public double GpRateAfterReferral { get; init; } = 0.30;

    /// <summary>0: the link worker's effect on GP appointments is the constant planted step. Above 0: it grows by this
    /// share of the step each month since the start, and cohorts starting in the first half of the period have 1.5
    /// times the effect of later ones (0.5 times): the staggered, dynamic effects under which a two-way fixed-effects
    /// regression is biased and Callaway and Sant'Anna's estimator is not.</summary>
    public double EffectGrowth { get; init; }

    /// <summary>Why the options cannot be generated, or null when they can.</summary>
    public string? Problem() =>
        Icbs < 1 || Practices < 3 * Icbs || Months < 1 || CrosstabCellsPerPractice < 1 ? "need at least 1 ICB, 3 practices per ICB, 1 month and 1 cell per practice"
        : RepresentationRate is < 0 or > 1 ? $"--representation-rate {RepresentationRate} is not a proportion: expected 0 to 1"
        : OverloadCapacityRate is < 0 or > 0.9 ? $"--overload-rate {OverloadCapacityRate} is out of range: expected 0 to 0.9"
        : EffectGrowth is < 0 or > 0.5 ? $"--effect-growth {EffectGrowth} is out of range: expected 0 to 0.5 of the step a month"
        : GpRateAfterReferral is < 0 or > 5 ? $"--gp-rate-after-referral {GpRateAfterReferral} is out of range: expected 0 to 5 appointments a month"
        : null;

    public DateOnly MonthStart(int index) => Start.AddMonths(index);

    public DateOnly End => Start.AddMonths(Months).AddDays(-1);
}
