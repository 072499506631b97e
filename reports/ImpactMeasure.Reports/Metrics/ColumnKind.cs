namespace ImpactMeasure.Reports.Metrics;

/// <summary>What a column holds, for formatting and disclosure control.</summary>
public enum ColumnKind
{
    /// <summary>Codes, names, labels.</summary>
    Text,

    /// <summary>A count of people or events: a cell of the release, hidden at 1 to the threshold or as a complement.</summary>
    Count,

    /// <summary>A figure computed from counts (a rate, an interval, a mean, freed appointments): hidden whenever any
    /// count it is computed from is hidden, and published rounded to the precision shown.</summary>
    Derived,

    /// <summary>A number that is not about people (a parameter, minutes per appointment): never hidden.</summary>
    Plain,
}
