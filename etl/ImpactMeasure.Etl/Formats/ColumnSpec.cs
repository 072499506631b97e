namespace ImpactMeasure.Etl.Formats;

/// <summary>One column of an extract format: its canonical (lower-case) name, older names it may carry,
/// and whether a file must have it.</summary>
public sealed record ColumnSpec(string Name, bool Required, params string[] Aliases)
{
    public bool Matches(string normalisedHeader) =>
        normalisedHeader == Name || Aliases.Contains(normalisedHeader, StringComparer.Ordinal);

    /// <summary>A column every file of the format carries.</summary>
    public static ColumnSpec Must(string name, params string[] aliases) => new(name, true, aliases);

    /// <summary>A column a file may carry.</summary>
    public static ColumnSpec May(string name, params string[] aliases) => new(name, false, aliases);

    /// <summary>The sub-ICB code, under its older CCG names too.</summary>
    public static ColumnSpec SubIcbCode { get; } = Must("sub_icb_location_code", "ccg_code", "ccg_location_code");
}
