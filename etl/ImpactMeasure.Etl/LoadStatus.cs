namespace ImpactMeasure.Etl;

/// <summary>How a file's load ended.</summary>
public enum LoadStatus
{
    /// <summary>Loaded (bad rows, if any, quarantined).</summary>
    Loaded,

    /// <summary>A header and no data rows: recorded for the file (by name, so every month's empty file is its own
    /// record), nothing to load.</summary>
    NoRows,

    /// <summary>The same bytes were loaded before: nothing done.</summary>
    AlreadyLoaded,

    /// <summary>Refused whole (unreadable, unknown format, too many bad rows): nothing loaded.</summary>
    Rejected,

    /// <summary>Something outside the file went wrong (the warehouse, the disk): nothing loaded.</summary>
    Failed,
}
