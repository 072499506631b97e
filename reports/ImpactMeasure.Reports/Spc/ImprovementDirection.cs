namespace ImpactMeasure.Reports.Spc;

/// <summary>Which way is better for a measure (Making Data Count).</summary>
public enum ImprovementDirection
{
    Increase,
    Decrease,
    Neutral,
}
