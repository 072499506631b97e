namespace ImpactMeasure.Etl.Formats;

/// <summary>One column of an extract format: its canonical (lower-case) name, older names it may carry,
/// and whether a file must have it.</summary>
public sealed record ColumnSpec(string Name, bool Required, params string[] Aliases)
{
    public bool Matches(string normalisedHeader) =>
        normalisedHeader == Name || Aliases.Contains(normalisedHeader, StringComparer.Ordinal);
}
