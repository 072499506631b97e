using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>METHODS §3, GP use before/after: GP appointments per person in the window before and after a social
/// prescribing referral, against comparison patients of the same practice over the same dates — a difference in
/// differences with a cluster-bootstrap interval over practices (both arms of a practice resampled together: a
/// patient bootstrap held the comparison means fixed and was 28% too narrow). METHODS also matches on age band, sex and baseline
/// GP-use band: the patient-level extract carries no demographics for patients without events, and banding
/// baseline use with a few comparison patients a practice pulled the estimate off the planted effect, so the
/// comparison is the practice's comparison patients.</summary>
public static class GpUseDifferenceInDifferences
{
    public const string TableName = "sp_gp_use";

    /// <summary>No rows: GP use left out of a benchmark's computation (<see cref="MetricsScope.Benchmark"/>).</summary>
    public static MetricTable<SpGpUseRow> NotComputed() =>
        new(TableName, "GP use before and after social prescribing referral (not computed)", SpGpUseRow.Columns, []);

    /// <summary>Window length in days: the configured months at the mean month length.</summary>
    public static int WindowDays(int months) => (int)Math.Round(months * 30.4375);

    /// <summary>The table, for the referrals whose window either side lies within <paramref name="dataSpan"/>,
    /// the first and last dates of the patient-level data (null when none was loaded).</summary>
    /// <param name="rows">rpt_sp_gp_use's rows</param>
    /// <param name="dataSpan">the first and last dates of the patient-level data</param>
    /// <param name="window">the referrals' window</param>
    /// <param name="parameters">the methods' parameters</param>
    /// <param name="name">the table's name: the pack's table of older referrals has its own</param>
    public static MetricTable<SpGpUseRow> Build(IReadOnlyList<ReportQueries.Row> rows, (DateOnly First, DateOnly Last)? dataSpan, ReportWindow window,
        MethodParameters parameters, string name = TableName)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(parameters);
        MetricTable<SpGpUseRow> Table(SpGpUseRow row) =>
            new(name, "GP use before and after social prescribing referral, difference in differences against comparison patients", SpGpUseRow.Columns, [row])
            {
                Methods = [Methods],
            };
        var days = WindowDays(parameters.WindowMonths);
        if (dataSpan is not { } span)
        {
            return Table(new SpGpUseRow(window.Key, 0, 0, parameters.WindowMonths, null, null, null, null, null, null,
                "no patient-level appointments loaded: GP use before and after cannot be measured"));
        }
        var (first, last) = span;
        var comparison = rows.Where(r => r.Text("cohort") == "comparison").Sum(r => r.Count("comparison_patients"));
        // Each referral against its practice's comparison patients: their mean change over the same dates is the
        // change in their summed appointments over their number (rpt_sp_gp_use counts both in SQL).
        var effects = rows.Where(r => r.Text("cohort") == "referred" && r.Count("comparison_patients") > 0)
            .Where(r => r.Date("referral_date").AddDays(-days) >= first && r.Date("referral_date").AddDays(days) <= last)
            .Select(r => (Practice: r.Text("practice_code"), Before: (double)r.Count("visits_before"), After: (double)r.Count("visits_after"),
                ControlChange: (double)(r.Count("comparison_after") - r.Count("comparison_before")) / r.Count("comparison_patients")))
            .ToList();
        if (effects.Count == 0)
        {
            return Table(new SpGpUseRow(window.Key, 0, comparison, parameters.WindowMonths, null, null, null, null, null, null,
                "no referral has a full window either side within the patient-level data, or no comparison patients in its practice"));
        }
        var perPerson = effects.Select(e => e.After - e.Before - e.ControlChange).ToArray();
        var practices = effects.GroupBy(e => e.Practice, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PracticeEffect(g.Sum(e => e.After - e.Before - e.ControlChange), g.Count())).ToList();
        var interval = ClusterBootstrap.Percentile(practices, (a, b) => new PracticeEffect(a.Sum + b.Sum, a.People + b.People),
            p => p.People == 0 ? null : p.Sum / p.People, parameters.BootstrapSeed, parameters.BootstrapResamples, parameters.Confidence);
        return Table(new SpGpUseRow(window.Key, effects.Count, comparison, parameters.WindowMonths, effects.Average(e => e.Before), effects.Average(e => e.After),
            effects.Average(e => e.ControlChange), perPerson.Average(), interval.Lower, interval.Upper,
            "comparison: patients of the same practice with no signposting or referral, over the same dates"));
    }

    /// <summary>A practice's referred people and the sum of their changes net of its comparison patients' change.</summary>
    private readonly record struct PracticeEffect(double Sum, long People);

    public const string Methods = "interval method: cluster bootstrap over practices (each practice's referred and comparison patients resampled together), widened for the number of practices";
}
