namespace ImpactMeasure.Etl;

/// <summary>What happened to one file: the load report line, also kept in etl_load_batch.</summary>
public sealed record FileLoadResult(string File, LoadStatus Status)
{
    public string? Format { get; init; }

    public long? BatchId { get; init; }

    public long RowsRead { get; init; }

    public long RowsLoaded { get; init; }

    public long RowsQuarantined { get; init; }

    public long RowsUnknown { get; init; }

    public long RowsSuperseded { get; init; }

    public long RowsUpdated { get; init; }

    public IReadOnlyList<string> FirstProblems { get; init; } = [];

    public IReadOnlyList<string> ExtraColumns { get; init; } = [];

    public IReadOnlyList<string> UnknownCodes { get; init; } = [];

    public TimeSpan Elapsed { get; init; }

    /// <summary>What to tell the operator, made safe (<see cref="SafeText"/>).</summary>
    public string? Message
    {
        get;
        init => field = value is null ? null : SafeText.Of(value);
    }

    public string? Encoding { get; init; }
}
