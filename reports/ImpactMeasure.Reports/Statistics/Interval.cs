namespace ImpactMeasure.Reports.Statistics;

/// <summary>A confidence interval; a null bound is one the method cannot give (reported as not available).</summary>
public readonly record struct Interval(double? Lower, double? Upper)
{
    public Interval Scale(double factor) => new(Lower * factor, Upper * factor);
}
