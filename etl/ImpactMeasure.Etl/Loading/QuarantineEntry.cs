namespace ImpactMeasure.Etl.Loading;

/// <summary>One bad row: where it is, which column, the offending value (identifiers masked) and why.</summary>
public sealed record QuarantineEntry(long LineNumber, string? Column, string? RawValue, string Reason)
{
    public override string ToString() => $"line {LineNumber}{(Column is null ? "" : $" {Column}")}: {Reason}";
}
