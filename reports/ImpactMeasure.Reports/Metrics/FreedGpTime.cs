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

    public static MetricTable Representation(IReadOnlyList<NavigationEvent> events, bool observed, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(parameters);
        var table = new MetricTable("representation", $"Re-presentation to a GP within {parameters.RepresentationWindowDays} days of diversion",
        [
            new("source", ColumnKind.Text), new("diverted", ColumnKind.Count), new("represented", ColumnKind.Count),
            new("representation_rate", ColumnKind.Derived, "0.0000", "diverted", "represented"),
            new("rate_lower_95", ColumnKind.Derived, "0.0000", "diverted", "represented"),
            new("rate_upper_95", ColumnKind.Derived, "0.0000", "diverted", "represented"),
            new("note", ColumnKind.Text),
        ]);
        var diverted = events.Where(e => e.Diverted).ToList();
        if (observed)
        {
            var represented = diverted.LongCount(e => e.Represented);
            table.Add(["observed", (long)diverted.Count, represented, .. Proportion.Of(represented, diverted.Count, parameters.Confidence).Cells,
                diverted.Count == 0 ? "no diverted patients in the window" : "from patient-level appointments"]);
        }
        else if (parameters.AssumedRepresentationRate is { } assumed)
        {
            table.Add("assumed", (long)diverted.Count, null, assumed, null, null, "assumed_representation_rate from configuration: no patient-level appointments loaded");
        }
        else
        {
            foreach (var rate in SensitivityRates)
                table.Add("sensitivity", (long)diverted.Count, null, rate, null, null, "no patient-level appointments and no assumed rate configured: one row per rate");
        }
        return table;
    }

    public static MetricTable Build(IReadOnlyList<NavigationEvent> events, bool observed, double minutesPerAppointment, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(parameters);
        var table = new MetricTable("freed_gp_time", "GP appointments, minutes, sessions and cost freed by care navigation",
        [
            new("breakdown", ColumnKind.Text), new("code", ColumnKind.Text), new("name", ColumnKind.Text),
            new("signposted", ColumnKind.Count), new("diverted", ColumnKind.Count), new("attended", ColumnKind.Count), new("represented", ColumnKind.Count),
            new("representation_rate", ColumnKind.Derived, "0.0000", "diverted"), new("rate_source", ColumnKind.Text),
            Freed("freed_low"), Freed("freed_central"), Freed("freed_high"), Freed("freed_lower_95"), Freed("freed_upper_95"),
            Freed("minutes_low"), Freed("minutes_central"), Freed("minutes_high"),
            new("sessions_central", ColumnKind.Derived, "0.00", "diverted"), new("cost_central_gbp", ColumnKind.Derived, "0", "diverted"),
            new("minutes_per_appointment", ColumnKind.Plain, "0.0"), new("note", ColumnKind.Text),
        ], ["breakdown"]);
        var rates = observed ? [(double?)null] : parameters.AssumedRepresentationRate is { } a ? [a] : SensitivityRates.Select(r => (double?)r).ToArray();
        foreach (var rate in rates)
        {
            var source = observed ? "observed" : parameters.AssumedRepresentationRate is null ? $"sensitivity {rate:P0}" : "assumed";
            AddRows(table, "all", events.GroupBy(_ => ("ALL", "All practices")), rate, source, minutesPerAppointment, parameters);
            if (rates.Length == 1)
            {
                AddRows(table, "pcn", events.GroupBy(e => (e.PcnCode, e.PcnName)), rate, source, minutesPerAppointment, parameters);
                AddRows(table, "practice", events.GroupBy(e => (e.PracticeCode, e.PracticeName)), rate, source, minutesPerAppointment, parameters);
            }
        }
        return table;
    }

    private static MetricColumn Freed(string name) => new(name, ColumnKind.Derived, "0.0", "diverted");

    private static void AddRows(MetricTable table, string breakdown, IEnumerable<IGrouping<(string Code, string Name), NavigationEvent>> groups, double? assumedRate,
        string source, double minutes, MethodParameters parameters)
    {
        foreach (var group in groups.OrderBy(g => g.Key.Code, StringComparer.Ordinal))
        {
            var events = group.ToList();
            var diverted = events.LongCount(e => e.Diverted);
            var attended = events.LongCount(e => e.Outcome == "attended");
            var wide = events.LongCount(e => e.Outcome is "accepted" or "attended" or "no_response");
            long? represented = assumedRate is null ? events.LongCount(e => e.Diverted && e.Represented) : null;
            var rate = Proportion.Of(represented ?? 0, diverted, parameters.Confidence);
            var central = assumedRate ?? rate.Value;
            var upper = assumedRate ?? rate.Upper;
            if (central is null || upper is null)
            {
                table.Add(breakdown, group.Key.Code, group.Key.Name, (long)events.Count, diverted, attended, represented, null, source,
                    null, null, null, null, null, null, null, null, null, null, minutes, "no diverted patients: nothing freed to estimate");
                continue;
            }
            var freedCentral = diverted * (1 - central.Value);
            var interval = Bootstrap(events, assumedRate, parameters);
            table.Add(breakdown, group.Key.Code, group.Key.Name, (long)events.Count, diverted, attended, represented, central, source,
                attended * (1 - upper.Value), freedCentral, wide * (1 - central.Value), interval.Lower, interval.Upper,
                attended * (1 - upper.Value) * minutes, freedCentral * minutes, wide * (1 - central.Value) * minutes,
                freedCentral * minutes / parameters.GpSessionMinutes, freedCentral * minutes / parameters.CostConsultationMinutes * parameters.CostPerConsultationGbp,
                minutes, "");
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
