namespace ImpactMeasure.Reports.Metrics;

/// <summary>What a column holds, for formatting and disclosure control.</summary>
public enum ColumnKind
{
    /// <summary>Codes, names, labels.</summary>
    Text,

    /// <summary>A count of people or events: suppressed at 1 to the threshold.</summary>
    Count,

    /// <summary>A number derived from counts (a rate, minutes, a limit): suppressed with the counts it comes from.</summary>
    Derived,

    /// <summary>A number that is not about people (a parameter, an appointment average): never suppressed.</summary>
    Plain,
}

/// <summary>One column of a metric table; a derived column names the count columns it is computed from.</summary>
public sealed record MetricColumn(string Name, ColumnKind Kind, string Format = "0", params string[] From);
