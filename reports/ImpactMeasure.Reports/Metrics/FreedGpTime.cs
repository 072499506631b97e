using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>METHODS §1: GP appointments freed by care navigation = diverted − re-presented, low / central / high,
/// a bootstrap interval over patients, and the same as minutes, sessions and cost. Re-presentation is observed
/// where patient-level appointments were loaded, else the configured assumed rate, else a sensitivity table.</summary>
public static class FreedGpTime
{
    public static readonly double[] SensitivityRates = [0, 0.1, 0.2, 0.3];

    /// <summary>One care-navigation event as rpt_navigation_events returns it.</summary>
    public sealed record NavigationEvent(string PatientId, string PracticeCode, string PracticeName, string PcnCode, string PcnName, string Outcome, bool Represented, DateOnly Month)
    {
        public bool Diverted => Outcome is "accepted" or "attended";
    }

    public static IReadOnlyList<NavigationEvent> Events(IEnumerable<ReportQueries.Row> rows) =>
        rows.Select(r => new NavigationEvent(r.Text("patient_pseudo_id"), r.Text("practice_code"), r.Text("practice_name"), r.Text("pcn_code"),
            r.Text("pcn_name"), r.Text("outcome_code"), r.Count("gp_visits_in_window") > 0, FirstOfMonth(r.Date("event_date")))).ToList();

    private static DateOnly FirstOfMonth(DateOnly date) => new(date.Year, date.Month, 1);

    public static MetricTable<RepresentationRow> Representation(IReadOnlyList<NavigationEvent> events, bool observed, ReportWindow window, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(parameters);
        var diverted = events.Where(e => e.Diverted).ToList();
        var rows = new List<RepresentationRow>();
        if (observed)
        {
            var represented = diverted.LongCount(e => e.Represented);
            var rate = Proportion.Of(represented, diverted.Count, parameters.Confidence);
            rows.Add(new("observed", window.Key, diverted.Count, represented, rate,
                diverted.Count == 0 ? "no diverted patients in the window" : "from patient-level appointments"));
        }
        else if (parameters.AssumedRepresentationRate is { } assumed)
        {
            rows.Add(new("assumed", window.Key, diverted.Count, null, new Proportion(assumed, null, null, parameters.Confidence), "assumed_representation_rate from configuration: no patient-level appointments loaded"));
        }
        else
        {
            rows.AddRange(SensitivityRates.Select(rate => new RepresentationRow("sensitivity", window.Key, diverted.Count, null, new Proportion(rate, null, null, parameters.Confidence),
                "no patient-level appointments and no assumed rate configured: one row per rate")));
        }
        return new MetricTable<RepresentationRow>("representation", $"Re-presentation to a GP within {parameters.RepresentationWindowDays} days of diversion",
            RepresentationRow.Columns, rows);
    }

    public static MetricTable<FreedGpTimeRow> Build(IReadOnlyList<NavigationEvent> events, bool observed, double minutesPerAppointment, ReportWindow window, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(parameters);
        var rows = new List<FreedGpTimeRow>();
        var rates = observed ? [(double?)null] : parameters.AssumedRepresentationRate is { } a ? [a] : SensitivityRates.Select(r => (double?)r).ToArray();
        foreach (var rate in rates)
        {
            var source = observed ? "observed" : parameters.AssumedRepresentationRate is null ? $"sensitivity {rate:P0}" : "assumed";
            var context = new RowContext(window.Key, rate, source, minutesPerAppointment, parameters);
            rows.AddRange(Rows("all", events.GroupBy(_ => "ALL"), _ => "All practices", context));
            if (rates.Length == 1)
            {
                rows.AddRange(Rows("pcn", events.GroupBy(e => e.PcnCode), g => g.Max(e => e.PcnName)!, context));
                rows.AddRange(Rows("practice", events.GroupBy(e => e.PracticeCode), g => g.Max(e => e.PracticeName)!, context));
            }
        }
        return new MetricTable<FreedGpTimeRow>("freed_gp_time", "GP appointments, minutes, sessions and cost freed by care navigation", FreedGpTimeColumns.All, rows);
    }

    private sealed record RowContext(string Window, double? AssumedRate, string Source, double Minutes, MethodParameters Parameters);

    private static IEnumerable<FreedGpTimeRow> Rows(string breakdown, IEnumerable<IGrouping<string, NavigationEvent>> groups, Func<IGrouping<string, NavigationEvent>, string> name,
        RowContext context)
    {
        var parameters = context.Parameters;
        foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var events = group.ToList();
            var diverted = events.LongCount(e => e.Diverted);
            var attended = events.LongCount(e => e.Outcome == "attended");
            var noResponse = events.LongCount(e => e.Outcome == "no_response");
            long? represented = context.AssumedRate is null ? events.LongCount(e => e.Diverted && e.Represented) : null;
            var rate = Proportion.Of(represented ?? 0, diverted, parameters.Confidence);
            var central = context.AssumedRate ?? rate.Value;
            var upper = context.AssumedRate ?? rate.Upper;
            var row = new FreedGpTimeRow(breakdown, group.Key, name(group), context.Window, events.Count, diverted, attended, noResponse, represented, central,
                context.Source, null, null, null, null, null, null, null, null, null, null, context.Minutes, parameters.Confidence, "no diverted patients: nothing freed to estimate");
            if (central is null || upper is null)
            {
                yield return row;
                continue;
            }
            var freedCentral = diverted * (1 - central.Value);
            var freedLow = attended * (1 - upper.Value);
            var freedHigh = (diverted + noResponse) * (1 - central.Value);
            var interval = Bootstrap(events, context.AssumedRate, parameters);
            yield return row with
            {
                FreedLow = freedLow, FreedCentral = freedCentral, FreedHigh = freedHigh, FreedLower95 = interval.Lower, FreedUpper95 = interval.Upper,
                MinutesLow = freedLow * context.Minutes, MinutesCentral = freedCentral * context.Minutes, MinutesHigh = freedHigh * context.Minutes,
                SessionsCentral = freedCentral * context.Minutes / parameters.GpSessionMinutes,
                CostCentralGbp = freedCentral * context.Minutes / parameters.CostConsultationMinutes * parameters.CostPerConsultationGbp,
                Note = "",
            };
        }
    }

    // Resampling whole patients keeps each patient's events together; the statistic is a sum per patient.
    private static Interval Bootstrap(List<NavigationEvent> events, double? assumedRate, MethodParameters parameters)
    {
        var freedPerPatient = events.GroupBy(e => e.PatientId, StringComparer.Ordinal)
            .Select(p => p.Sum(e => e.Diverted ? (assumedRate is { } r ? 1 - r : e.Represented ? 0 : 1) : 0.0))
            .ToArray();
        return BootstrapInterval.PercentileOfSum(freedPerPatient, parameters.BootstrapSeed, parameters.BootstrapResamples, parameters.Confidence);
    }
}
