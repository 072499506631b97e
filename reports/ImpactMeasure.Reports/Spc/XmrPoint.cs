namespace ImpactMeasure.Reports.Spc;

/// <summary>One point of an XmR chart with its group's limits and the special cause it shows.</summary>
public sealed record XmrPoint(
    DateOnly Date,
    double Y,
    int RebaseGroup,
    double Mean,
    double LowerLimit,
    double UpperLimit,
    double LowerNearLimit,
    double UpperNearLimit,
    int RelativeToMean,
    bool OutsideLimits,
    bool CloseToLimits,
    string SpecialCauseType,
    string PointType,
    bool ShortGroupWarning)
{
    public const string CommonCause = "Common Cause";

    public bool SpecialCause => SpecialCauseType != CommonCause;
}
