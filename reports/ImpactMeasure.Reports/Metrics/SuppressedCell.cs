namespace ImpactMeasure.Reports.Metrics;

/// <summary>A cell hidden by disclosure control.</summary>
public sealed record SuppressedCell
{
    /// <summary>The symbol a hidden cell shows (PACK.md).</summary>
    public const string Symbol = "[c]";

    public static readonly SuppressedCell Instance = new();

    public override string ToString() => Symbol;
}
