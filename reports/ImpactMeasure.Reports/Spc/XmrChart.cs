namespace ImpactMeasure.Reports.Spc;

/// <summary>XmR charts on monthly series (METHODS §5; NHS "Making Data Count" and NHSRplotthedots): centre =
/// mean of the baseline, limits = mean ± 2.66 × mean moving range, special causes by the rules in
/// <see cref="SpcRules"/> with precedence outside limits &gt; trend &gt; two-in-three &gt; run.</summary>
public static class XmrChart
{
    private const double LimitFactor = 2.66;
    private const double ScreenFactor = 3.267;

    /// <summary>The chart of one series (one facet), split into groups at each rebase date.</summary>
    public static IReadOnlyList<XmrPoint> Calculate(IReadOnlyList<(DateOnly Date, double Y)> series, XmrOptions options, IReadOnlyCollection<DateOnly>? rebaseDates = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        var sorted = series.OrderBy(p => p.Date).ToList();
        var rebases = rebaseDates ?? [];
        var groups = sorted.Select(p => rebases.Count(r => r <= p.Date)).ToList();
        var points = new List<XmrPoint>();
        foreach (var group in Enumerable.Range(0, sorted.Count).GroupBy(i => groups[i]))
            points.AddRange(Group(group.Select(i => sorted[i]).ToList(), group.Key, options));
        return points;
    }

    /// <summary>(mean, mean moving range) of a group's baseline points.</summary>
    public static (double Mean, double MeanMovingRange) Baseline(IReadOnlyList<double> y, XmrOptions options)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(options);
        var fixedY = options.FixAfterPoints is { } n ? y.Take(n).ToList() : y.ToList();
        var mean = fixedY.Average();
        var ranges = fixedY.Skip(1).Select((v, i) => Math.Abs(v - fixedY[i])).ToList();
        var amr = ranges.Count == 0 ? 0 : ranges.Average();
        if (options.ScreenOutliers && ranges.Count > 0)
        {
            var kept = ranges.Where(r => r < ScreenFactor * amr).ToList();
            amr = kept.Count == 0 ? amr : kept.Average();
        }
        return (mean, amr);
    }

    private static IEnumerable<XmrPoint> Group(List<(DateOnly Date, double Y)> points, int group, XmrOptions options)
    {
        var y = points.Select(p => p.Y).ToList();
        var (mean, amr) = Baseline(y, options);
        var (lpl, upl) = (mean - (LimitFactor * amr), mean + (LimitFactor * amr));
        var near = 2.0 / 3 * LimitFactor * amr;
        var (nlpl, nupl) = (mean - near, mean + near);
        var relative = y.Select(v => Math.Sign(v - mean)).ToArray();
        var outside = y.Select(v => v > upl || v < lpl).ToArray();
        var close = y.Select((v, i) => !outside[i] && (v < nlpl || v > nupl) ? 1 : 0).ToArray();
        var shift = SpcRules.PartOfRun(SpcRules.RunOnOneSide(relative, options.RunLength), options.RunLength);
        var trend = SpcRules.PartOfRun(SpcRules.Trend(y, options.RunLength), options.RunLength);
        var twoInThree = SpcRules.PartOfTwoInThree(close, relative);
        var shortGroup = y.Count < options.ShortGroupThreshold;
        for (var i = 0; i < y.Count; i++)
        {
            var type = outside[i] ? (y[i] > upl ? "Above UCL" : "Below LCL")
                : trend[i] == 1 ? $"7 Point Trend ({(TrendDirection(y, trend, i) == 1 ? "Increasing" : "Decreasing")})"
                : twoInThree[i] == 1 ? (relative[i] > 0 ? "2 in 3 Above CL" : "2 in 3 Below CL")
                : shift[i] == 1 ? (relative[i] > 0 ? "7 Points Above CL" : "7 Points Below CL")
                : XmrPoint.CommonCause;
            yield return new XmrPoint(points[i].Date, y[i], group, mean, lpl, upl, nlpl, nupl, relative[i], outside[i], close[i] == 1,
                type, PointType(type, options.Direction), shortGroup);
        }
    }

    // The direction of the step to the next point when it is also in the trend, else of the step from the previous one.
    private static int TrendDirection(List<double> y, int[] trend, int i) =>
        i + 1 < y.Count && trend[i + 1] == 1 ? Math.Sign(y[i + 1] - y[i]) : Math.Sign(y[i] - y[i - 1]);

    /// <summary>common_cause, special_cause_improvement / _concern, or special_cause_neutral_high / _low.</summary>
    public static string PointType(string specialCauseType, ImprovementDirection direction)
    {
        ArgumentNullException.ThrowIfNull(specialCauseType);
        var v = specialCauseType.Contains("Above", StringComparison.Ordinal) || specialCauseType.Contains("Increasing", StringComparison.Ordinal) ? 1
            : specialCauseType.Contains("Below", StringComparison.Ordinal) || specialCauseType.Contains("Decreasing", StringComparison.Ordinal) ? -1
            : 0;
        if (v == 0)
            return "common_cause";
        return direction switch
        {
            ImprovementDirection.Neutral => v > 0 ? "special_cause_neutral_high" : "special_cause_neutral_low",
            ImprovementDirection.Increase => v > 0 ? "special_cause_improvement" : "special_cause_concern",
            _ => v < 0 ? "special_cause_improvement" : "special_cause_concern",
        };
    }

    /// <summary>Whether the process will meet a target (needs a direction): consistent_pass, consistent_fail,
    /// inconsistent; null for neutral measures or no target.</summary>
    public static string? Assurance(double lowerLimit, double upperLimit, double? target, ImprovementDirection direction)
    {
        if (target is not { } t || direction == ImprovementDirection.Neutral)
            return null;
        if (t > upperLimit)
            return direction == ImprovementDirection.Increase ? "consistent_fail" : "consistent_pass";
        if (t < lowerLimit)
            return direction == ImprovementDirection.Increase ? "consistent_pass" : "consistent_fail";
        return "inconsistent";
    }
}
