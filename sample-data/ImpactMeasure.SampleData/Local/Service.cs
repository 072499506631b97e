namespace ImpactMeasure.SampleData.Local;

/// <summary>A destination service with its outcome mix (weights in <see cref="Outcomes.Final"/> order).
/// An overloaded service switches to <see cref="OverloadedMix"/> from <see cref="OverloadedFromMonth"/>.</summary>
public sealed record Service(string Code, string Name, string Category, string Reason, double[] Mix)
{
    public int? OverloadedFromMonth { get; init; }

    public double[]? OverloadedMix { get; init; }

    public double[] MixIn(int month) => OverloadedFromMonth is { } from && month >= from ? OverloadedMix! : Mix;
}
