using ImpactMeasure.Etl.Loading;

namespace ImpactMeasure.Etl.Formats;

/// <summary>One extract format of EXTRACTS.md: its id, layout name and columns. <see cref="OneOf"/> lists
/// groups of which a file must carry at least one column (e.g. <c>patient_id</c> or <c>nhs_number</c>).</summary>
public sealed record ExtractFormat(string Id, string Layout, IReadOnlyList<ColumnSpec> Columns)
{
    public IReadOnlyList<string[]> OneOf { get; init; } = [];

    /// <summary>Local formats (ImpactMeasure's own) may come as XLSX and may carry NHS numbers.</summary>
    public bool IsLocal { get; init; }

    /// <summary>Loading order: reference data before the facts that look it up.</summary>
    public int LoadOrder { get; init; }

    /// <summary>Makes the loader that validates this format's rows and writes them into the warehouse.</summary>
    public required Func<IFormatLoader> Loader { get; init; }

    /// <summary>The SQL files (paths under the format's folder) its loader runs.</summary>
    public IReadOnlyList<string> Scripts { get; init; } = [];

    public IEnumerable<ColumnSpec> Required => Columns.Where(c => c.Required);

    public string Describe() =>
        $"{Id} ({Layout}): {string.Join(", ", Required.Select(c => c.Name).Concat(OneOf.Select(g => string.Join(" or ", g))))}";
}
