namespace ImpactMeasure.Reports.Pack;

/// <summary>A numbered note of the pack's Notes sheet.</summary>
public sealed record PackNote(int Number, string Text)
{
    public string Reference => $"[note {Number}]";
}
