using ImpactMeasure.Reports.Statistics;
using ImpactMeasure.Warehouse.Reference;
using MathNet.Numerics.Distributions;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>METHODS §3: paired baseline/follow-up change per instrument (SWEMWBS converted to metric scores first),
/// mean with a 95% t interval, the share whose change reaches the meaningful threshold, and completeness, for the
/// cohort whose follow-up (baseline + <c>wellbeing_followup_weeks</c>) fell due in the rolling
/// <c>wellbeing_window_months</c> to the report month — not baselines taken in the report month, none of whose
/// follow-ups are due yet.</summary>
public static class WellbeingChange
{
    /// <summary>The cohort window: the rolling months to the report's last month.</summary>
    public static ReportWindow CohortWindow(ReportWindow report, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(parameters);
        return ReportWindow.Ending(report.LastMonth, parameters.WellbeingWindowMonths, report.Area);
    }

    public static MetricTable<WellbeingRow> Build(WellbeingTally tally, ReportWindow window, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(parameters);
        var result = new List<WellbeingRow>();
        foreach (var (instrument, sums) in tally.Instruments.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            var paired = sums.Paired;
            var (mean, lower, upper) = MeanInterval(sums.Change, sums.ChangeSquares, paired, parameters.Confidence);
            result.Add(new WellbeingRow(instrument, window.Key, sums.Due, paired, (double)paired / sums.Due,
                paired == 0 ? null : (double)(sums.Before / paired), paired == 0 ? null : (double)(sums.After / paired),
                mean, lower, upper, Threshold(instrument, parameters), sums.Improved, Proportion.Of(sums.Improved, paired, parameters.Confidence),
                instrument == "SWEMWBS" ? "metric (converted from raw)" : instrument == "WEMWBS" ? "raw 14-70" : "0-10",
                paired < 2 ? "fewer than two people with both scores: no interval" : ""));
        }
        return new MetricTable<WellbeingRow>("wellbeing_change", "Paired wellbeing change after social prescribing, by instrument, for people whose follow-up fell due in the window",
            WellbeingRow.Columns, result)
        {
            Methods = [$"cohort: referrals whose follow-up (baseline + {parameters.WellbeingFollowupWeeks} weeks) fell due in the {parameters.WellbeingWindowMonths} months to the report month; people_due = people with a baseline in that cohort, lost_to_follow_up = those without a follow-up score"],
        };
    }

    /// <summary>A pairs row's baseline and follow-up on the instrument's scale (SWEMWBS raw scores converted to
    /// metric), or null where the person has no follow-up.</summary>
    public static (double Before, double After)? Pair(string instrument, double baseline, double? followup)
    {
        if (followup is not { } after)
            return null;
        var swemwbs = instrument == "SWEMWBS";
        double Score(double raw) => swemwbs ? SwemwbsScores.ToMetric((int)raw) : raw;
        return (Score(baseline), Score(after));
    }

    /// <summary>Whether a person's paired scores (<see cref="Pair"/>) change by the instrument's meaningful change in
    /// the better direction; null without a follow-up.</summary>
    public static bool? IsImproved((double Before, double After)? scores, string instrument, bool higherIsBetter, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (scores is not { } p)
            return null;
        return (higherIsBetter ? p.After - p.Before : p.Before - p.After) >= Threshold(instrument, parameters);
    }

    private static double Threshold(string instrument, MethodParameters parameters) => instrument switch
    {
        "SWEMWBS" => parameters.SwemwbsMeaningfulChange,
        "WEMWBS" => parameters.WemwbsMeaningfulChange,
        _ => parameters.Ons4MeaningfulChange,
    };

    /// <summary>Mean with a t interval; blanks below two values. The sums are exact (decimals: scores have at most two
    /// decimal places, a warehouse numeric(6,2) or a SWEMWBS metric score, which a double does not hold exactly), so
    /// the figures do not depend on the order the values come in.</summary>
    public static (double? Mean, double? Lower, double? Upper) MeanInterval(IReadOnlyList<double> values, double confidence)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (sum, squares) = (0m, 0m);
        foreach (var value in values)
        {
            var exact = (decimal)value;
            (sum, squares) = (sum + exact, squares + (exact * exact));
        }
        return MeanInterval(sum, squares, values.Count, confidence);
    }

    /// <summary>Mean with a t interval from the exact sum and sum of squares of <paramref name="n"/> values.</summary>
    public static (double? Mean, double? Lower, double? Upper) MeanInterval(decimal sum, decimal squares, long n, double confidence)
    {
        if (n == 0)
            return (null, null, null);
        var mean = (double)(sum / n);
        if (n < 2)
            return (mean, null, null);
        var sd = Math.Sqrt(Math.Max(0, (double)((squares - (sum * sum / n)) / (n - 1))));
        var t = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - Statistics.Confidence.Normalise(confidence)) / 2));
        var half = t * sd / Math.Sqrt(n);
        return (mean, mean - half, mean + half);
    }
}
