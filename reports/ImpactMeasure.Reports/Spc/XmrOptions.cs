namespace ImpactMeasure.Reports.Spc;

/// <summary>How an XmR chart is built. <see cref="ScreenOutliers"/>: drop moving ranges ≥ 3.267 × their mean and
/// recompute once (NHSRplotthedots' default; the MDC Excel tool does not). Rule lengths are those of METHODS §5.</summary>
public sealed record XmrOptions
{
    public bool ScreenOutliers { get; init; } = true;

    /// <summary>Compute the mean and limits from the first N points of each group only (at least 12), or all when null.</summary>
    public int? FixAfterPoints { get; init; }

    public ImprovementDirection Direction { get; init; } = ImprovementDirection.Increase;

    /// <summary>A group smaller than this gets a short-group warning.</summary>
    public int ShortGroupThreshold { get; init; } = 13;

    /// <summary>Points in a run on one side of the mean, and in a trend, that make a signal.</summary>
    public int RunLength { get; init; } = 7;
}
