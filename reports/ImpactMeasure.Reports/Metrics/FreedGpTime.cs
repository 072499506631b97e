using System.Globalization;
using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>METHODS §1: GP appointments freed by care navigation = diverted events where a GP appointment was
/// requested (Y, or blank with a note; N never frees one) − re-presented, low / central / high, with a 95% interval,
/// and the same as minutes, sessions and cost. Re-presentation is observed only for events whose follow-up window
/// lies inside their practice's patient-level data; incomplete follow-up takes the observed rate; a practice with
/// no patient-level data takes the configured assumed rate, or one row per sensitivity rate — never a rate of 0.</summary>
public static class FreedGpTime
{
    public static readonly double[] SensitivityRates = [0, 0.1, 0.2, 0.3];

    public const string PracticeBootstrap = "cluster bootstrap over practices";
    public const string PatientBootstrap = "bootstrap over the practice's patients";

    /// <summary>The rates for events whose re-presentation was not observed: none needed, the assumed rate, or the
    /// sensitivity rates.</summary>
    public static double?[] UnobservedRates(FollowUpCounts counts, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var needed = counts.NoPatientLevel > 0 || (counts.Incomplete > 0 && counts.Complete == 0);
        return !needed ? [null] : parameters.AssumedRepresentationRate is { } a ? [a] : SensitivityRates.Select(r => (double?)r).ToArray();
    }

    /// <summary>Not computed: the benchmark shows no practice's freed time (<see cref="MetricsScope.Benchmark"/>).</summary>
    public const string NoInterval = "not computed (PCN benchmarking shows no practice row)";

    /// <param name="events">the window's care-navigation kinds</param>
    /// <param name="minutesPerAppointment">GP minutes an appointment</param>
    /// <param name="window">the window</param>
    /// <param name="parameters">the methods' parameters</param>
    /// <param name="practiceIntervals">false: practices' rows without their patient bootstrap (the counts and estimates
    /// stay)</param>
    public static MetricTable<FreedGpTimeRow> Build(IReadOnlyList<NavigationKind> events, double minutesPerAppointment, ReportWindow window, MethodParameters parameters,
        bool practiceIntervals = true)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(parameters);
        var rows = new List<FreedGpTimeRow>();
        var context = new RowContext(window.Key, minutesPerAppointment, parameters, practiceIntervals);
        rows.AddRange(Rows("all", events.GroupBy(_ => "ALL"), _ => "All practices", context));
        rows.AddRange(Rows("pcn", events.GroupBy(e => e.PcnCode), g => g.Max(e => e.PcnName)!, context));
        rows.AddRange(Rows("practice", events.GroupBy(e => e.PracticeCode), g => g.Max(e => e.PracticeName)!, context));
        return new MetricTable<FreedGpTimeRow>("freed_gp_time", "GP appointments, minutes, sessions and cost freed by care navigation", FreedGpTimeColumns.All, rows)
        {
            Methods = Methods(parameters),
        };
    }

    /// <summary>The methods in force for a file header and the pack's Methodology sheet.</summary>
    public static IReadOnlyList<string> Methods(MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return
        [
            string.Create(CultureInfo.InvariantCulture, $"interval method: {PracticeBootstrap} for the area and PCN rows (whole practices resampled with all their events, {parameters.BootstrapResamples} resamples, seed {parameters.BootstrapSeed}); a practice's own row (or a group of one practice) resamples its patients; percentile interval at {parameters.Confidence:0.##}"),
            string.Create(CultureInfo.InvariantCulture, $"freed appointments count only diverted events where a GP appointment was requested (Y, or blank: counted, shown as requested_blank); N never frees one (diverted_not_requested)"),
            string.Create(CultureInfo.InvariantCulture, $"re-presentation is observed only where the {parameters.RepresentationWindowDays}-day window lies inside the practice's patient-level data (follow_up_complete), from GP visits at the same practice (a practice that moves PCN starts a new version: its events in the window before the move are follow_up_incomplete); follow_up_incomplete events take the observed rate; no_patient_level_data events take the assumed rate or one row per sensitivity rate"),
        ];
    }

    private sealed record RowContext(string Window, double Minutes, MethodParameters Parameters, bool PracticeIntervals);

    // Groups are independent (each bootstrap has its own seeded generator), so they are computed in parallel, one
    // thread per core, and kept in code order.
    private static List<FreedGpTimeRow> Rows(string breakdown, IEnumerable<IGrouping<string, NavigationKind>> groups, Func<IGrouping<string, NavigationKind>, string> name,
        RowContext context) =>
        groups.OrderBy(g => g.Key, StringComparer.Ordinal).AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount)
            .SelectMany(g => GroupRows(breakdown, g, name(g), context)).ToList();

    private static List<FreedGpTimeRow> GroupRows(string breakdown, IGrouping<string, NavigationKind> group, string name, RowContext context)
    {
        var parameters = context.Parameters;
        var practices = group.GroupBy(e => e.PracticeCode, StringComparer.Ordinal).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => FollowUpCounts.Sum(p.Select(k => k.Total))).ToList();
        var counts = FollowUpCounts.Sum(practices);
        var clustered = breakdown != "practice" && practices.Count > 1;
        var rates = UnobservedRates(counts, parameters);
        var skipped = breakdown == "practice" && !context.PracticeIntervals;
        // The units resampled: practices for an area or PCN, else the practice's patients, each kind's patients in
        // the query's order (the same units for every rate).
        var units = clustered || skipped ? practices : group.SelectMany(k => Enumerable.Repeat(k.Counts, checked((int)k.Units))).ToList();
        // One set of resamples for every rate: the same draws the rates would each get from the same seed.
        var intervals = skipped ? new Interval[rates.Length] : ClusterBootstrap.Percentiles(units,
            rates.Select(rate => (Func<FollowUpCounts, double?>)(c => c.Freed(rate))).ToList(), parameters.BootstrapSeed, parameters.BootstrapResamples, parameters.Confidence);
        var rows = new List<FreedGpTimeRow>();
        for (var i = 0; i < rates.Length; i++)
        {
            var rate = rates[i];
            var source = Source(counts, rate, parameters);
            var effective = counts.EffectiveRate(rate);
            var row = new FreedGpTimeRow(breakdown, group.Key, name, context.Window, counts, rate, effective, source, null, null, null, null, null,
                null, null, null, null, null, skipped ? NoInterval : clustered ? PracticeBootstrap : PatientBootstrap, context.Minutes, parameters.Confidence,
                counts.FreeingDiverted == 0 ? "no diverted events where a GP appointment was requested: nothing freed to estimate" : "");
            if (effective is null)
            {
                rows.Add(row);
                continue;
            }
            var freedCentral = counts.Freed(rate)!.Value;
            var freedLow = counts.Attended * (1 - counts.UpperRate(rate, parameters.Confidence)!.Value);
            var freedHigh = (counts.FreeingDiverted + counts.NoResponse) * (1 - effective.Value);
            var interval = intervals[i];
            rows.Add(row with
            {
                FreedLow = freedLow, FreedCentral = freedCentral, FreedHigh = freedHigh, FreedLower95 = interval.Lower, FreedUpper95 = interval.Upper,
                MinutesLow = freedLow * context.Minutes, MinutesCentral = freedCentral * context.Minutes, MinutesHigh = freedHigh * context.Minutes,
                SessionsCentral = freedCentral * context.Minutes / parameters.GpSessionMinutes,
                CostCentralGbp = freedCentral * context.Minutes / parameters.CostConsultationMinutes * parameters.CostPerConsultationGbp,
                Note = Note(counts),
            });
        }
        return rows;
    }

    private static string Source(FollowUpCounts counts, double? rate, MethodParameters parameters)
    {
        if (rate is not { } r)
            return "observed";
        var unobserved = parameters.AssumedRepresentationRate is null ? string.Create(CultureInfo.InvariantCulture, $"sensitivity {r * 100:0}%") : "assumed";
        return counts.Complete > 0 ? $"observed + {unobserved}" : unobserved;
    }

    private static string Note(FollowUpCounts counts)
    {
        var notes = new List<string>();
        if (counts.RequestedUnknown > 0)
            notes.Add("requested_blank events counted as requested");
        if (counts.Incomplete > 0)
            notes.Add(counts.Complete > 0 ? "follow_up_incomplete events take the observed rate" : "follow_up_incomplete events take the unobserved rate (nothing observed)");
        if (counts.NoPatientLevel > 0)
            notes.Add("no_patient_level_data events take the rate in rate_source");
        return string.Join("; ", notes);
    }
}
