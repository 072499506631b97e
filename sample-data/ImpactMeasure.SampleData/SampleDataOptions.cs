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

    public DateOnly MonthStart(int index) => Start.AddMonths(index);

    public DateOnly End => Start.AddMonths(Months).AddDays(-1);
}
