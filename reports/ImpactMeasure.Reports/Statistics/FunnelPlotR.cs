namespace ImpactMeasure.Reports.Statistics;

/// <summary>The kind of indicator a FunnelPlotR-style funnel shows.</summary>
public enum FunnelDataType
{
    /// <summary>Standardised ratio (observed / expected).</summary>
    StandardisedRatio,

    /// <summary>Proportion (numerator / denominator).</summary>
    Proportion,

    /// <summary>Ratio of counts.</summary>
    RatioOfCounts,
}

/// <summary>How a standardised ratio is transformed: SHMI (log, truncated) or CQC (square root, winsorised).</summary>
public enum StandardisedRatioMethod
{
    Shmi,
    Cqc,
}

/// <summary>One unit of a funnel plot after aggregation.</summary>
public sealed record FunnelUnit(string Group, double Numerator, double Denominator)
{
    public double Ratio => Numerator / Denominator;
}

/// <summary>Limits at one denominator: overdispersion-adjusted and unadjusted, at 95% and 99.8%.</summary>
public readonly record struct FunnelLimitSet(Interval Adjusted95, Interval Adjusted998, Interval Unadjusted95, Interval Unadjusted998);
