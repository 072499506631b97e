namespace ImpactMeasure.Warehouse.Reference;

/// <summary>SWEMWBS raw (7–35) to metric score conversion, as METHODS.md §3 gives it: one table for the reports
/// that average metric scores and the generator that plants changes on that scale.</summary>
public static class SwemwbsScores
{
    private static readonly double[] Metric =
    [
        7.00, 9.51, 11.25, 12.40, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88, 17.43, 17.98, 18.59, 19.25,
        19.98, 20.73, 21.54, 22.35, 23.21, 24.11, 25.03, 26.02, 27.03, 28.13, 29.31, 30.70, 32.55, 35.00,
    ];

    public static double ToMetric(int raw) => Metric[Math.Clamp(raw, 7, 35) - 7];

    /// <summary>The raw score whose metric score is nearest to <paramref name="metric"/>.</summary>
    public static int NearestRaw(double metric) =>
        Enumerable.Range(7, 29).MinBy(raw => Math.Abs(ToMetric(raw) - metric));
}
